// Turns a message as people type it into one canonical, searchable string:
//   - Vietnamese with or without diacritics becomes the same ASCII text
//     (NFD, combining marks removed, đ → d, lowercase);
//   - links, phone numbers, amounts of money and long digit runs (account
//     numbers) become placeholder words (zzlink, zzphone, zzmoney, zzacct), and the links
//     are returned separately for the link checks;
//   - teen-code and abbreviations are expanded (ck → chuyen khoan, stk → so tai
//     khoan, k/ko → khong, zl → zalo, ...);
//   - sentence ends become " || " and clause breaks " | ", so rules can look at
//     "the same clause" or "the same sentence".
//   - obfuscation is undone (deobfuscate.ts): look-alike letters of other
//     alphabets, digits and symbols typed for letters, words spelt out with
//     marks or spaces between their letters;
// The result always starts and ends with a space, so every word is surrounded by
// spaces and rules can match whole words with plain " word " patterns.

import { replacePhones } from '~/lib/phone';
import { unmask, unspell } from './deobfuscate';

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

// Top-level domains a typed link may end with. A word.word pair with any other
// ending ("roi.chi") is a missing space, not a link.
const tlds =
  'com|vn|net|org|info|xyz|top|online|site|vip|cc|co|io|me|link|club|shop|store|app|biz|tk|ml|ga|cf|gq|icu|live|life|pro|asia|click|fun|space|website|tech|ly|gl|to|gd|ws|us|uk|ru|cn|ai|page|dev|id|at|su|buzz|cyou|sbs|cfd|lat|bond|mobi|work|win|loan|xin|help|today|cloud|email|news|world|services|support|center|digital|network|company|group|global|agency|one|zone|media|social|plus|run|best|guru|care|finance|money|cash|review|host|rest|bar|monster|quest|beauty|hair|skin|makeup|fashion|gift|gifts|promo|deals|sale|express|delivery|post|bank|loans|credit|fit|ink|land|today|nl|de|fr|jp|kr|sg|in|la|kh|th|my|ph|tw|hk';
const linkPattern = new RegExp(
  String.raw`(?<![\w@.-])(?:(https?):\/\/)?((?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.){1,8}(?:${tlds}|xn--[a-z0-9-]+))(?![a-z0-9-])(?::\d+)?([/?#][^\s]*)?`,
  'gi',
);
const explicitLinkPattern = /(https?):\/\/([^\s/?#:]+)(?::\d+)?([/?#][^\s]*)?/gi;

export type FoundLink = { scheme: 'http' | 'https' | null; host: string; raw: string };

// "@linh_shop": a handle on another app (not an e-mail address: nothing word-like before the @).
const handlePattern = /(?<![\w.])@[a-z0-9_.]{2,30}/g;
const moneyGrouped = /(?<![\d.,])\d{1,3}([.,])\d{3}(?:\1\d{3})*(?:\s*(?:d|dong|vnd|₫|k|nghin|ngan|trieu|tr))?(?![\d])/g;
const accountDigits = /(?<![\d-])\d(?:[\s.]?\d){7,18}(?![\d-])/g;
const moneySpaced = /(?<![\d])\d{1,3}(?: \d{3})+(?:\s*(?:d|dong|vnd|₫))?(?![\d])/g;
const moneyUnit =
  /(?<![\w])\$\s?\d+(?:[.,]\d+)?|(?<![\w])\d+(?:[.,]\d+)?\s*(?:k|nghin|ngan(?!\s*hang)|ng|tr|trieu|cu|lit|xi|canh|ty|ti|million|millions|thousand|grand|d|dong|vnd|₫|usd|usdt|dollars?|bucks|euros?)(?:\d{1,3})?(?![a-z0-9])/g;
const numberWord = '(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|chuc|linh|le|tram|mươi)';
const moneyWords = new RegExp(
  String.raw`(?<![a-z])(?:${numberWord}\s+){1,8}(?:tram|nghin|ngan(?!\s*hang)|trieu|ty)(?:\s+(?:ruoi|${numberWord}|nghin|ngan(?!\s*hang)|trieu))*(?![a-z])|(?<![a-z])(?:tram|trieu) ruoi(?![a-z])`,
  'g',
);
// English amounts in words: "two hundred dollars", "a few thousand bucks", "five million dong".
const englishNumber =
  '(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|few|couple|half)';
const englishMoneyWords = new RegExp(
  String.raw`(?<![a-z])(?:${englishNumber}[\s-]+){0,6}${englishNumber}[\s-]+(?:(?:hundred|thousand|million)[\s-]+)?(?:dollars?|bucks|usd|million|thousand|dong|vnd|euros?)(?![a-z])`,
  'g',
);
const durationPattern = /(?<![\w])(\d+)\s*(?:p|ph|phut|min|mins|minute|minutes)(?![a-z])/g;
const hourPattern = /(?<![\w])(\d+)\s*(?:h|gio|hrs?|hours?)(?![a-z])/g;

// Abbreviations and teen-code, one typed word to its plain spelling.
const teencode: Record<string, string> = {
  ck: 'chuyen khoan',
  ckhoan: 'chuyen khoan',
  chuyenkhoan: 'chuyen khoan',
  stk: 'so tai khoan',
  tk: 'tai khoan',
  tkhoan: 'tai khoan',
  mk: 'mat khau',
  matkhau: 'mat khau',
  sdt: 'so dien thoai',
  sđt: 'so dien thoai',
  dt: 'dien thoai',
  dthoai: 'dien thoai',
  ib: 'inbox',
  ibx: 'inbox',
  zl: 'zalo',
  za: 'zalo',
  tele: 'telegram',
  tlg: 'telegram',
  fb: 'facebook',
  mess: 'messenger',
  k: 'khong',
  ko: 'khong',
  kh: 'khong',
  khg: 'khong',
  kg: 'khong',
  hok: 'khong',
  khum: 'khong',
  hem: 'khong',
  hk: 'khong',
  dc: 'duoc',
  dk: 'duoc',
  e: 'em',
  c: 'chi',
  b: 'ban',
  r: 'roi',
  j: 'gi',
  nv: 'nhan vien',
  cskh: 'cham soc khach hang',
  ctv: 'cong tac vien',
  cty: 'cong ty',
  vcb: 'vietcombank',
  tcb: 'techcombank',
  mb: 'mbbank',
  sp: 'san pham',
  ad: 'admin',
  pls: 'please',
  plz: 'please',
  u: 'you',
  ur: 'your',
  vs: 'voi',
  ms: 'moi',
  lm: 'lam',
  ng: 'nguoi',
  nt: 'nhan tin',
  tl: 'tra loi',
  gd: 'giao dich',
  tt: 'thanh toan',
  xn: 'xac nhan',
  bik: 'biet',
  bit: 'biet',
  oki: 'ok',
  dont: 'do not',
  cant: 'can not',
  wont: 'will not',
  didnt: 'did not',
  doesnt: 'does not',
  isnt: 'is not',
  im: 'i am',
  trc: 'truoc',
  trk: 'truoc',
  chuy: 'chi',
  ik: 'di',
  inb: 'inbox',
  ntin: 'nhan tin',
  lun: 'luon',
  hnay: 'hom nay',
};

export type Canonical = { text: string; links: FoundLink[] };

function cleanHost(host: string) {
  return host.replace(/^www\./, '').replace(/\.$/, '');
}

export function canonical(input: string): Canonical {
  // Links are read from the lowercased original (before folding), so that a
  // host written with Vietnamese letters (an IDN lookalike) is still seen as one.
  const links: FoundLink[] = [];
  let s = input.toLowerCase();
  s = s.replace(explicitLinkPattern, (raw, scheme: string, host: string) => {
    links.push({ scheme: scheme as 'http' | 'https', host: cleanHost(host), raw });
    return ' zzlink ';
  });
  s = s.replace(linkPattern, (raw, scheme: string | undefined, host: string) => {
    links.push({ scheme: (scheme as 'http' | 'https' | undefined) ?? null, host: cleanHost(host), raw });
    return ' zzlink ';
  });

  s = s.replace(handlePattern, ' zzhandle ');
  s = fold(unmask(s))
    .replace(/[‘’´`]/g, "'")
    .replace(/\b(do|does|did|is|are|was|were|ca|wo|have|has|should|could|would|must|need)n'?t\b/g, '$1 not')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/'(s|m|re|ll|ve|d)\b/g, ' $1');
  // Phone numbers by the one rule of app/lib/phone.ts (also written as words or with odd separators).
  s = replacePhones(s, () => ' zzphone ')
    .replace(moneyGrouped, ' zzmoney ')
    .replace(accountDigits, ' zzacct ')
    .replace(moneySpaced, ' zzmoney ')
    .replace(moneyUnit, ' zzmoney ')
    .replace(moneyWords, ' zzmoney ')
    .replace(englishMoneyWords, ' zzmoney ')
    .replace(durationPattern, ' $1 phut ')
    .replace(hourPattern, ' $1 gio ')
    .replace(/j&t|j ?& ?t|j&amp;t/g, ' jnt ');
  // After the numbers became placeholders, so only letters are repaired or re-joined.
  s = unspell(s)
    .replace(/[.!?\n\r…]+/g, ' || ')
    .replace(/[,;:()[\]{}"“”]+|\s[-–—]+\s|\bnhung\b|\bbut\b/g, ' | ')
    .replace(/[^a-zA-Z0-9|%]+/g, ' ');
  // "nhaaa", "chiii": a letter typed three or more times is one letter (no Vietnamese or English word has three in a row; c, w, x, z are left alone for cccd, www, xxx).
  s = s.replace(/([abd-vy])\1{2,}/g, '$1');

  const words = s.split(' ');
  const out: string[] = [];
  for (const word of words) {
    if (!word) continue;
    const expanded = teencode[word];
    out.push(expanded ?? word);
  }
  // Collapse runs of breaks: a sentence end wins over a clause break.
  const text = (' ' + out.join(' ') + ' ').replace(/( \|+)+ /g, (run) => (run.includes('||') ? ' || ' : ' | '));
  return { text, links };
}
