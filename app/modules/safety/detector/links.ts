import type { FoundLink } from './normalise';

/** The platform's own domains: links there are never flagged. The app's own origin is added at call time. */
export const TRUSTED_HOSTS: readonly string[] = ['sen.vn'];

/** Genuine sites of the brands scammers imitate: a link to the real one is not a lookalike. */
const OFFICIAL_HOSTS: readonly string[] = [
  'vietcombank.com.vn',
  'techcombank.com',
  'techcombank.com.vn',
  'mbbank.com.vn',
  'bidv.com.vn',
  'vietinbank.vn',
  'agribank.com.vn',
  'acb.com.vn',
  'tpb.vn',
  'vpbank.com.vn',
  'sacombank.com.vn',
  'ghn.vn',
  'ghtk.vn',
  'jtexpress.vn',
  'viettelpost.com.vn',
  'vnpost.vn',
  'momo.vn',
  'zalopay.vn',
  'shopee.vn',
  'lazada.vn',
  'tiki.vn',
  'hoilhpn.org.vn',
  'gov.vn',
];

const SHORTENERS = new Set([
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  'goo.gl',
  't.ly',
  'is.gd',
  'v.gd',
  'cutt.ly',
  'rb.gy',
  'shorturl.at',
  'ow.ly',
  'tiny.cc',
  's.id',
  't.co',
  'rebrand.ly',
  'shorten.asia',
  'bom.so',
  'bom.to',
]);

// Names a scam link borrows: the platform, banks, delivery companies, the Union,
// other marketplaces and wallets, the police. Short ones must be a whole label
// ("sen-vn-support"); long ones may hide inside a word ("vietcombankvn").
const BRAND_LABELS = new Set([
  'evn',
  'sen',
  'senvn',
  'vcb',
  'tcb',
  'mb',
  'acb',
  'bidv',
  'tpb',
  'ghn',
  'ghtk',
  'jnt',
  'jt',
  'vnpost',
  'momo',
  'hlhpn',
  'congan',
]);
const BRAND_WORDS = [
  'vietcombank',
  'techcombank',
  'mbbank',
  'vietinbank',
  'agribank',
  'tpbank',
  'vpbank',
  'sacombank',
  'jtexpress',
  'viettelpost',
  'vnpost',
  'buudien',
  'giaohang',
  'hoiphunu',
  'phunu',
  'hoilhpn',
  'womenunion',
  'shopee',
  'lazada',
  'tiki',
  'zalopay',
  'bocongan',
  'chinhphu',
  'dienluc',
  'evnhcmc',
  'evnhanoi',
];

// Words a phishing host uses to sound official ("xacminh-taikhoan.com", "secure-login-update.top").
const PHISHING_WORDS = [
  'xacminh',
  'xacthuc',
  'hotro',
  'khuyenmai',
  'nhanqua',
  'trungthuong',
  'tritan',
  'hoantien',
  'thanhtoan',
  'dangnhap',
  'khoiphuc',
  'mokhoa',
  'verify',
  'verification',
  'secure',
  'login',
  'signin',
  'update',
  'payout',
  'refund',
  'unlock',
  'recover',
  'wallet',
  'reward',
  'prize',
  'claim',
  'bonus',
  'payment',
];

// Endings that cost nothing to register and that ordinary shops hardly use.
const RISKY_TLDS = new Set([
  'xyz',
  'top',
  'vip',
  'cc',
  'icu',
  'click',
  'buzz',
  'cyou',
  'sbs',
  'cfd',
  'monster',
  'rest',
  'bar',
  'quest',
  'lat',
  'bond',
  'win',
  'loan',
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
  'su',
  'work',
  'xin',
]);

export type LinkFinding =
  'link_lookalike' | 'link_phishy' | 'link_risky_domain' | 'link_punycode' | 'link_shortener' | 'link_insecure';

function matches(host: string, list: readonly string[]) {
  return list.some((h) => host === h || host.endsWith('.' + h));
}

/** A genuine site of a bank, courier, wallet, marketplace or the state (or the platform itself). */
export function isOfficial(host: string) {
  return matches(host, OFFICIAL_HOSTS) || matches(host, TRUSTED_HOSTS);
}

export function hostOf(origin: string): string | null {
  try {
    return new URL(origin).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** What is wrong with one link, if anything. */
export function checkLink(link: FoundLink, trusted: readonly string[]): LinkFinding[] {
  const host = link.host;
  if (matches(host, trusted)) return [];
  const findings: LinkFinding[] = [];
  // eslint-disable-next-line no-control-regex
  if (/(^|\.)xn--/.test(host) || /[^\x00-\x7f]/.test(host)) findings.push('link_punycode');
  if (SHORTENERS.has(host)) {
    findings.push('link_shortener');
    // A short link dressed as a brand or a claim ("bit.ly/sen-refund", "tinyurl.com/nhanqua-vcb") hides a lookalike.
    const words = link.raw
      .slice(link.raw.indexOf(host) + host.length)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const brand = words.some((w) => BRAND_LABELS.has(w) || BRAND_WORDS.some((b) => w.includes(b)));
    const phishy = words.some((w) => PHISHING_WORDS.some((p) => w.includes(p)));
    if (brand && phishy) findings.push('link_lookalike');
    else if (brand || phishy) findings.push('link_phishy');
  }
  if (!matches(host, OFFICIAL_HOSTS)) {
    const labels = host.split(/[.-]/);
    const borrowsName = labels.some((l) => BRAND_LABELS.has(l)) || BRAND_WORDS.some((w) => host.includes(w));
    if (borrowsName && !SHORTENERS.has(host)) findings.push('link_lookalike');
    else if (!SHORTENERS.has(host) && PHISHING_WORDS.some((w) => host.includes(w))) findings.push('link_phishy');
    else if (RISKY_TLDS.has(host.split('.').pop() ?? '')) findings.push('link_risky_domain');
  }
  if (link.scheme === 'http') findings.push('link_insecure');
  return findings;
}

/** A link shortener's host (bit.ly, …): one of its links says nothing about the others. */
export function isShortener(host: string) {
  return SHORTENERS.has(host);
}
