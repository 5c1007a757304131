import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectScam,
  LESSONS,
  SIGNAL_CODES,
  SIGNAL_LESSONS,
  lessonUrl,
  type SignalCode,
} from '~/modules/safety/detector';
import * as L from '~/modules/safety/detector/lexicon';
import { canonical } from '~/modules/safety/detector/normalise';

type Row = {
  text: string;
  scam: boolean;
  lang: 'vi' | 'en';
  style: 'diacritics' | 'no-diacritics' | 'english';
  split: 'train' | 'heldout';
};
const rows: Row[] = readFileSync(path.resolve('tests/safety/scam-set.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Row);

function score(subset: Row[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const row of subset) {
    const flagged = detectScam(row.text).level !== 'none';
    if (flagged && row.scam) tp++;
    else if (flagged) fp++;
    else if (row.scam) fn++;
  }
  return { n: subset.length, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}

// The thresholds the detector reaches on this set, with a little room for later
// lexicon changes (it scores 1.00 on every line of the table when written).
const THRESHOLD = 0.95;
// On the unseen sets it now scores 1.00 (0.99 exact level); their first-look
// figures were lower (README), so keep the same room as above.
const UNSEEN_THRESHOLD = 0.95;

describe('the labelled set', () => {
  it('is big enough, in both languages and both ways of typing Vietnamese, with at least half ordinary talk', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(rows.filter((r) => !r.scam).length / rows.length).toBeGreaterThanOrEqual(0.5);
    for (const style of ['diacritics', 'no-diacritics', 'english'] as const) {
      expect(rows.filter((r) => r.style === style && r.scam).length).toBeGreaterThan(30);
      expect(rows.filter((r) => r.style === style && !r.scam).length).toBeGreaterThan(30);
    }
    expect(rows.filter((r) => r.split === 'heldout').length / rows.length).toBeGreaterThan(0.25);
  });

  it('is detected with high precision and recall, per split and per language', () => {
    const table: Record<string, { n: number; precision: string; recall: string }> = {};
    for (const split of ['train', 'heldout'] as const) {
      for (const lang of ['all', 'vi', 'en'] as const) {
        for (const style of lang === 'vi' ? ['all', 'diacritics', 'no-diacritics'] : ['all']) {
          const subset = rows.filter(
            (r) => r.split === split && (lang === 'all' || r.lang === lang) && (style === 'all' || r.style === style),
          );
          const s = score(subset);
          const label = `${split} ${lang}${style === 'all' ? '' : ` (${style})`}`;
          table[label] = { n: s.n, precision: s.precision.toFixed(3), recall: s.recall.toFixed(3) };
          expect(s.precision, `${label} precision`).toBeGreaterThanOrEqual(THRESHOLD);
          expect(s.recall, `${label} recall`).toBeGreaterThanOrEqual(THRESHOLD);
        }
      }
    }
    console.log('Scam detector on tests/safety/scam-set.jsonl');
    console.table(table);
  });

  it('also gets the probes right: messages written after the detector, in rounds, to find its blind spots', () => {
    // tests/safety/probe-set.jsonl: each round was run once as unseen messages
    // (first-look results in app/modules/safety/README.md), then its mistakes
    // were fixed by widening the lexicons, so it is now a regression set, not a
    // held-out one.
    const probes = readFileSync(path.resolve('tests/safety/probe-set.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Row);
    const s = score(probes);
    console.log(`probe set (${s.n} messages): precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
    expect(s.precision).toBeGreaterThanOrEqual(THRESHOLD);
    expect(s.recall).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('gets the unseen sets right, per language: messages written after the detector, measured before any rule was changed for them', () => {
    // tests/safety/unseen-set.jsonl (204), blind-set.jsonl (200) and
    // blind-set-2, -3 (100 each), -4 (80) and -5 (129) were written fresh, measured once with the detector as it stood (first-look
    // figures in app/modules/safety/README.md), then the detector was widened by
    // general means. Every line also carries the level it deserves.
    type Labelled = Row & { level: 'none' | 'caution' | 'danger' };
    const table: Record<
      string,
      { n: number; precision: string; recall: string; 'exact level': string; 'danger as danger': string }
    > = {};
    for (const file of [
      'unseen-set',
      'blind-set',
      'blind-set-2',
      'blind-set-3',
      'blind-set-4',
      'blind-set-5',
    ] as const) {
      const set = readFileSync(path.resolve(`tests/safety/${file}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Labelled);
      expect(set.length, file).toBeGreaterThanOrEqual(file.startsWith('blind-set-') ? 80 : 160);
      expect(set.filter((r) => !r.scam).length / set.length, file).toBeGreaterThanOrEqual(0.5);
      for (const lang of ['vi', 'en'] as const) {
        const subset = set.filter((r) => r.lang === lang);
        const s = score(subset);
        const levels = subset.map((r) => [r.level, detectScam(r.text).level] as const);
        const exact = levels.filter(([want, got]) => want === got).length / levels.length;
        const dangers = levels.filter(([want]) => want === 'danger');
        const dangerRight = dangers.filter(([, got]) => got === 'danger').length / dangers.length;
        const label = `${file} ${lang}`;
        table[label] = {
          n: s.n,
          precision: s.precision.toFixed(3),
          recall: s.recall.toFixed(3),
          'exact level': exact.toFixed(3),
          'danger as danger': dangerRight.toFixed(3),
        };
        expect(s.precision, `${label} precision`).toBeGreaterThanOrEqual(UNSEEN_THRESHOLD);
        expect(s.recall, `${label} recall`).toBeGreaterThanOrEqual(UNSEEN_THRESHOLD);
        expect(exact, `${label} exact level`).toBeGreaterThanOrEqual(0.9);
      }
    }
    console.log('Scam detector on the unseen sets (caution and danger count as flagged)');
    console.table(table);
  });
});

function codes(text: string, locale: 'vi' | 'en' = 'vi') {
  return detectScam(text, { locale }).signals.map((s) => s.code);
}

// Messages written for these tests, not taken from the labelled set.
const patterns: Array<[SignalCode, string[]]> = [
  [
    'deposit_request',
    [
      'Chị cọc trước 300k giúp em qua số tài khoản 0123456789 Sacombank nhé',
      'coc truoc 30% nha c, ko coc e ko giu hang dc',
      'Please send a 50% deposit to my bank account before I post it',
    ],
  ],
  [
    'bank_transfer',
    [
      'Em chỉ nhận chuyển khoản, stk 0451 0001 23456 VCB',
      'ck thang cho e cho nhanh nha c',
      'Pay me directly by bank transfer, no platform fee',
      'Shop nhận chuyển khoản hoặc ship COD toàn quốc',
    ],
  ],
  [
    'ewallet_payment',
    [
      'Chị gửi tiền qua Momo số 0977888999 giúp em',
      'thanh toan qua zalopay 0909123456 nhe',
      'Pay 200k to my ViettelPay 0988777666',
    ],
  ],
  [
    'gift_card_crypto',
    [
      'Mua giúp em 5 thẻ cào Vinaphone rồi gửi mã thẻ',
      'tra bang usdt nhe, dia chi vi o duoi',
      'Pay with Google Play gift cards and send me the codes',
    ],
  ],
  [
    'otp_request',
    [
      'Chị đọc giúp em mã OTP vừa gửi về máy nhé',
      'cho e xin 6 so gui ve may c voi',
      'Could you read me the code that was just texted to your phone?',
    ],
  ],
  [
    'pin_request',
    [
      'Chị gửi em mã PIN thẻ ATM để hoàn tiền',
      'doc giup e so the va ma cvv',
      'Send me your card number and CVV to confirm',
    ],
  ],
  [
    'password_request',
    [
      'Chị cho em mật khẩu tài khoản Sen để em sửa đơn',
      'gui e mk tk sen nhe',
      'Tell me your password so I can fix your shop',
    ],
  ],
  [
    'id_card_photo',
    [
      'Gửi em ảnh 2 mặt căn cước để làm hợp đồng',
      'chup cccd mat truoc mat sau gui e nha',
      'Send a selfie holding your ID card',
    ],
  ],
  [
    'link_lookalike',
    [
      'Xác minh tài khoản tại sen-hotro.site',
      'cap nhat dia chi tai ghtk-giaohang.com',
      'Login at techcombank-secure.net to restore access',
      'Cập nhật thông tin tại xacminh-taikhoan.com',
    ],
  ],
  ['link_punycode', ['Đăng nhập tại xn--sen-hng-7ya.com', 'Check your order at https://sén.vn/order']],
  ['link_shortener', ['Xem ảnh sản phẩm ở bit.ly/3xYzQ9', 'Photos here: tinyurl.com/abc123']],
  ['link_insecure', ['Xem catalogue ở http://catalog-hang-dep.com', 'Order form: http://myshop-forms.org/order']],
  ['link_suspicious', ['Xem thêm mẫu ở hangdep-gia-re.xyz', 'More photos: cheap-bags-store.top']],
  [
    'fake_payment_proof',
    [
      'Em chuyển khoản rồi, chị xem bill, ngân hàng báo 24h mới về, chị gửi hàng trước nhé',
      'I already paid, see the screenshot, please ship now',
    ],
  ],
  [
    'mistaken_transfer',
    [
      'Em chuyển nhầm 1 triệu cho chị, chị chuyển lại giúp em',
      'tui gui lon 300 ngan vo tk ba, ba chuyen lai gium tui',
      'I sent 1,500,000 instead of 150,000, please refund the extra',
    ],
  ],
  [
    'release_fee',
    [
      'Bưu phẩm của chị bị giữ ở hải quan, đóng phí thông quan 800k để nhận',
      'Your parcel is on hold, pay the 30k redelivery fee',
    ],
  ],
  [
    'prize_fee',
    [
      'Chúc mừng chị trúng thưởng tủ lạnh, đóng phí vận chuyển 200k để nhận quà',
      'Pay the 2% tax on your lottery winnings to claim 50 million VND',
    ],
  ],
  [
    'grant_loan_fee',
    [
      'Khoản vay 30 triệu đã duyệt, đóng phí bảo hiểm 1 triệu để giải ngân',
      'The Union grant of 10 million needs a 300k processing fee',
    ],
  ],
  [
    'job_topup',
    [
      'Việc nhẹ lương cao, làm nhiệm vụ nạp 200k nhận 260k',
      'tuyen ctv lam tai nha, dong 200k phi tai lieu la bat dau',
      'Earn 2 million a day from home by rating products, registration fee only 150k',
    ],
  ],
  [
    'impersonation',
    [
      'Tôi là công an phường, chị liên quan vụ án, không được kể với ai',
      'toi la dai uy canh sat, chuyen het tien sang tai khoan nay de kiem tra',
      'This is Sen support, your account will be suspended unless you confirm your password',
    ],
  ],
  [
    'remote_control_app',
    [
      'Chị cài UltraViewer để em hỗ trợ nhé',
      'tai anydesk ve roi doc ma cho e',
      'Please install TeamViewer so I can fix your phone',
    ],
  ],
  [
    'off_platform_chat',
    [
      'Chị inbox Zalo em 0938 111 222 em để giá gốc',
      'add tele minh nha @thanhly, gia re hon tren nay',
      "Let's move to WhatsApp: +84 987 654 321",
    ],
  ],
  [
    'pressure',
    [
      '5 phút nữa hết khuyến mãi, chị chuyển khoản ngay nhé',
      'Hurry! Only 2 minutes left, send the deposit to my Momo now',
    ],
  ],
];

describe('each pattern is recognised, in Vietnamese with and without diacritics and in English', () => {
  for (const [code, examples] of patterns) {
    it.each(examples)(`${code}: %s`, (text) => {
      expect(codes(text)).toContain(code);
      expect(detectScam(text).level).not.toBe('none');
    });
  }
  it('covers every signal code of the rules', () => {
    // looks_like_scam comes from the learned model (tests/safety/model.test.ts), reported_account
    // from a shared report of scam accounts (tests/safety/scam-accounts.test.ts).
    const notRules: SignalCode[] = ['looks_like_scam', 'reported_account'];
    expect(new Set(patterns.map(([code]) => code))).toEqual(new Set(SIGNAL_CODES.filter((c) => !notRules.includes(c))));
  });
});

const ordinary = [
  // refusals and warnings
  'Em không nhận chuyển khoản riêng, chị thanh toán trên Sen giúp em nhé',
  "I don't accept private transfers, please pay on the platform.",
  'Đừng bao giờ chia sẻ mã OTP cho ai nhé',
  'dung bao gio dua ma otp cho ai',
  'Never share your OTP, not even with Sen staff.',
  'Sen không bao giờ hỏi mật khẩu của chị',
  'Sen will never ask for your password.',
  'Tuyệt đối không cài AnyDesk theo lời người lạ',
  'Mình không dùng Zalo, chị nhắn ở đây nhé',
  'No deposit needed, pay on delivery.',
  'Chị đặt cọc thì không cần đâu, nhận hàng rồi trả',
  'Cảnh báo: kẻ gian giả danh công an gọi điện đòi chuyển tiền',
  'If someone says they sent money by mistake, do not refund it yourself.',
  'Em nhận được tin nhắn đòi phí thông quan, em không trả và đã báo cán bộ Hội',
  // prices, amounts, codes, delivery, links to the platform
  'Giá 250.000đ, phí ship 30k, chị thanh toán khi nhận hàng nhé',
  'gia hai tram ruoi da gom ship roi c',
  'Mã giảm giá SEN10 giảm 10%, nhập ở bước thanh toán',
  'Mã vận đơn GHN của chị là GY7K3PQ',
  'The J&T tracking number is 8412345678',
  'Order code SEN-2024-1187 is confirmed',
  'Xem thêm ảnh ở https://sen.vn/s/khan-lua',
  'Tiền bán hàng Sen chuyển về tài khoản ngân hàng của em sau 3 ngày',
  'Em cập nhật số tài khoản ngân hàng trong mục Thanh toán của Sen rồi',
  'Express delivery is 15k extra, standard is free from 500k',
  'Mật khẩu wifi ở hội chợ là sen2024',
  'Chị em mình có nhóm Zalo của Hội Phụ nữ xã để báo lịch họp, còn mua bán thì vẫn trên Sen nha',
  'Em là cán bộ Hội Phụ nữ xã, tuần sau có lớp tập huấn miễn phí',
  'Đợt này hàng hot, chị đặt sớm kẻo hết size nhé',
  'Nhớ đặt mật khẩu mạnh và bật xác thực hai bước nhé',
  'Chị chuyển khoản qua Sen hay trả khi nhận đều được',
  'Đừng cài file APK lạ, chỉ tải Sen từ kho ứng dụng chính thức',
  'Quét mã QR trên tem để kiểm tra hàng chính hãng nhé chị',
  'I earned 3 million this month, the platform fee is 5%',
  'Bonus: buy 3 get 1, shipping fee 30k',
  'Congrats on your new shop! The platform fee is 5%.',
  'Lucky you, the last one in stock! Shipping fee 30k.',
  'Chúc mừng chị mở gian hàng mới! Phí sàn 5%, phí ship do khách trả.',
  'Chị được chọn màu nào ạ? Phí ship 30k nha',
  'The platform fee is taken first, then the rest is paid out to you.',
  'Phí đóng gói 5k đã tính trước trong giá',
  'First, the shipping fee is 30k; second, delivery takes 3 days.',
  'Váy maxi hoa nhí 350k, phí ship 30k, thanh toán khi nhận hàng',
  'I run a small tailoring shop. Custom ao dai from 900k, deposit-free: order here and pay when you receive it.',
];

// The general rules added after the unseen sets, each with a message written for this test.
const widened: Array<[SignalCode, string]> = [
  [
    'mistaken_transfer',
    'My company will mail you a certified cheque; keep your price and send the remainder to our driver.',
  ],
  ['bank_transfer', 'Please pay through MoneyGram, it is how I always get paid.'],
  ['ewallet_payment', 'Send it with PayPal friends and family so neither of us pays the fee.'],
  ['ewallet_payment', 'c oi nap ho e 150k vao momo 0911222333, toi e gui lai lien'],
  ['bank_transfer', 'Mẹ ơi con bị tai nạn đang ở bệnh viện, mẹ chuyển khoản gấp cho con 10 triệu'],
  ['bank_transfer', 'Ra cây ATM gần nhất rồi làm theo hướng dẫn của em để nhận tiền hoàn nhé'],
  ['deposit_request', 'hang nay ko ho tro cod, c coc truoc mot nua nhe'],
  ['deposit_request', 'Pay half now and I will post it tomorrow.'],
  ['job_topup', 'Put in 3 million, get 4.5 million back in ten days, profit guaranteed.'],
  ['off_platform_chat', 'Find me on Telegram @an_handmade, I rarely check this app.'],
  ['otp_request', 'A six digit code will come to your phone, just tell me what it says.'],
  ['link_lookalike', 'Claim your refund here: bit.ly/vcb-refund'],
  ['link_suspicious', 'Log in at myshop-orders.com to confirm your payout details'],
];

describe('general rules added after the unseen sets', () => {
  it.each(widened)('%s: %s', (code, text) => {
    expect(codes(text, 'en')).toContain(code);
  });
  it.each([
    'Shipping to Hue costs 40k, insurance included, nothing extra to pay.',
    'Em chưa cần cọc đâu chị, cứ đặt trên Sen nhé',
    'We can chat about colours on Zalo, but please buy through Sen.',
    'My username on Sen is @lanhandmade if you want to find my other scarves.',
    'Someone texted me asking for a code last week; I ignored it and reported it.',
    'I lent my sister 2 million for her stall, she pays me back next month.',
  ])('%s', (text) => {
    expect(detectScam(text)).toEqual({ level: 'none', signals: [] });
  });
});

describe('general rules added after blind-set-5 (examples written for this test, not taken from the set)', () => {
  it.each([
    ['mistaken_transfer', 'Chị giữ tiền giúp em nhé, em chuyển 3 triệu, tối có người đến lấy tiền mặt'],
    ['mistaken_transfer', 'I will transfer 4 million to you, withdraw the cash and hand it to my driver tonight'],
    ['off_platform_chat', 'nt zalo e 0977 222 333 nhé, trên này bị trừ phí 10%'],
    ['off_platform_chat', 'Message me on Telegram @lanbags so we can skip the middleman'],
    ['deposit_request', 'a gửi trước một chút vào stk 0123456789 acb để e giữ hàng nha'],
    ['link_suspicious', 'Nhận quà tri ân: điền thông tin tại quatang-khachhang.top'],
    ['fake_payment_proof', 'dạ e vừa gửi bill rồi, c giao hàng luôn giúp e nha'],
    ['impersonation', 'I am a tax inspector, pay the fine of 1 million today or your shop will be closed'],
    ['prize_fee', 'Your store has been picked for a free banner, just pay the 150k design fee to claim it'],
  ] as const)('%s: %s', (code, text) => {
    expect(codes(text)).toContain(code);
    expect(detectScam(text).level).toBe('danger');
  });
  it.each([
    'Bà ngoại giữ tiền giùm con nhé, con cất trong tủ',
    'No middleman: I weave it myself and sell on Facebook and here on Sen.',
    'Mình bán trên Zalo lâu rồi, giờ lên Sen, Sen thu phí 5% cũng được',
    'ai chưa có tài khoản thì đăng ký trên sen.vn nha',
    'ai bảo chị chuyển khoản trước thì chị đừng nghe nha',
    'The colour was chosen by my daughter. Shipping fee is 30k.',
    'chị nhập mã vào đâu vậy em, mã Sen gửi về điện thoại á',
    'Where do I enter the code Sen sent me? I just signed up.',
    'Chị cứ yên tâm, khi nào chị bấm đã nhận hàng thì Sen mới chuyển tiền cho em',
    'điện thoại e hư, c gọi số khác giúp e',
    'cho e 2 xị rượu ngô nhé, bao nhiêu tiền',
  ])('%s', (text) => {
    expect(detectScam(text)).toEqual({ level: 'none', signals: [] });
  });
});

describe('it does not cry wolf', () => {
  it.each(ordinary)('%s', (text) => {
    expect(detectScam(text)).toEqual({ level: 'none', signals: [] });
  });

  it('trusts sen.vn and the app’s own origin, and nothing that only borrows the name', () => {
    expect(detectScam('Xem ở https://sen.vn/p/1 hoặc https://shop.sen.vn/p/2').level).toBe('none');
    expect(detectScam('Xem ở https://sen.example.org/p/1').signals.map((s) => s.code)).toContain('link_lookalike');
    expect(detectScam('Xem ở https://sen.example.org/p/1', { trustedOrigins: ['https://sen.example.org'] }).level).toBe(
      'none',
    );
    expect(codes('Xác minh tại sen.vn.verify-account.co')).toContain('link_lookalike');
  });
});

describe('levels', () => {
  // The weights of the rules' own signals (the learned model may add its general caution on top: model.test.ts).
  const rules = { model: false } as const;
  it('one weak signal is caution, weak ones together are danger, a strong one is danger', () => {
    expect(detectScam('Qua Telegram nói chuyện nhé', rules).level).toBe('caution');
    expect(detectScam('Xem ảnh ở bit.ly/3xYzQ9', rules).level).toBe('caution');
    expect(detectScam('Qua Telegram nói chuyện nhé, ảnh ở bit.ly/3xYzQ9', rules).level).toBe('danger');
    expect(detectScam('Đọc giúp em mã OTP', rules).level).toBe('danger');
  });

  it('pressure alone is not a signal, but it adds to another one', () => {
    expect(detectScam('Nhanh lên chị ơi, chỉ còn 5 phút', rules).level).toBe('none');
    expect(detectScam('Nhanh lên chị ơi, chỉ còn 5 phút, ck cho em nhé', rules).level).toBe('danger');
  });
});

describe('signals', () => {
  it('carry a message in the reader’s language and a lesson of the fixed list', () => {
    const text = 'Chị đọc giúp em mã OTP';
    const [vi] = detectScam(text, { locale: 'vi' }).signals;
    const [en] = detectScam(text, { locale: 'en' }).signals;
    expect(vi.message).toMatch(/mã OTP/);
    expect(en.message).toMatch(/OTP or verification code/);
    expect(vi.lessonId).toBe('bao-ve-thong-tin/never-share-otp');
    expect(lessonUrl(vi.lessonId)).toBe('/learn/bao-ve-thong-tin/never-share-otp');
  });

  it('every code has an explanation in both locale files and a lesson of the contract', () => {
    const load = (l: string) =>
      JSON.parse(readFileSync(path.resolve(`app/locales/${l}/safety.json`), 'utf8')) as Record<string, string>;
    const vi = load('vi');
    const en = load('en');
    for (const code of SIGNAL_CODES) {
      expect(vi[`safety.signal.${code}`], code).toBeTruthy();
      expect(en[`safety.signal.${code}`], code).toBeTruthy();
      expect(LESSONS, code).toContain(SIGNAL_LESSONS[code]);
      expect(SIGNAL_LESSONS[code]).toMatch(/^[a-z-]+\/[a-z-]+$/);
    }
  });
});

describe('normalisation', () => {
  it('reads Vietnamese with and without diacritics, teen-code and money in any spelling alike', () => {
    expect(canonical('Chị ck cọc 250.000đ qua stk nhé').text).toBe(
      canonical('c ck coc 250k qua stk nhe').text.replace(' c ', ' chi '),
    );
    for (const amount of [
      '250.000',
      '250 000',
      '250k',
      'hai trăm rưỡi',
      '2tr',
      '1 triệu',
      '1tr5',
      '1,500,000 VND',
      '$50',
    ]) {
      expect(canonical(`giá ${amount} nhé`).text, amount).toContain('zzmoney');
    }
    expect(canonical('zalo 0903.456.789 hoặc +84 912 345 678').text).toBe(' zalo zzphone hoac zzphone ');
    expect(canonical('stk 0123 4567 8910').text).toBe(' so tai khoan zzacct ');
    expect(canonical('chụy ơiii ck trc nhaaa, cccd').text).toBe(' chi oi chuyen khoan truoc nha | cccd ');
    expect(canonical('1 xị, 500 cành').text).toBe(' zzmoney | zzmoney ');
  });

  it('skips a class only when its cheap pre-check says it cannot match (checked on every labelled text)', () => {
    const texts = [
      'scam-set',
      'probe-set',
      'unseen-set',
      'blind-set',
      'blind-set-2',
      'blind-set-3',
      'blind-set-4',
      'blind-set-5',
    ].flatMap((file) =>
      readFileSync(path.resolve(`tests/safety/${file}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => canonical((JSON.parse(line) as Row).text).text),
    );
    for (const [cls, hint] of L.hints) {
      for (const text of texts) {
        cls.lastIndex = 0;
        if (cls.test(text)) expect(hint.test(text), `${String(hint)} on ${text}`).toBe(true);
      }
    }
  });

  it('never throws, whatever it is given', () => {
    for (const text of [
      '',
      '   ',
      '🙂🙂🙂',
      '\u0000\u200b',
      'a'.repeat(100_000),
      'http://',
      'xn--',
      '||||',
      '.'.repeat(500),
    ]) {
      expect(() => detectScam(text)).not.toThrow();
    }
    expect(detectScam('').level).toBe('none');
    expect(() => detectScam(undefined as unknown as string)).not.toThrow();
  });
});
