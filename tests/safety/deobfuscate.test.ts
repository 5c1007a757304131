import { describe, expect, it } from 'vitest';
import { detectScam } from '~/modules/safety/detector';
import { unmask, unspell } from '~/modules/safety/detector/deobfuscate';
import { canonical } from '~/modules/safety/detector/normalise';

// Spellings written for these tests (issue 17 quotes the kinds, not these lines).
describe('undoing obfuscation before the rules and the model read a message', () => {
  it.each([
    ['T1ỀN c0c tr.u.o.c', ' tien coc truoc '],
    ['h0 tr0 vay v0n, d!eu k!en de', ' ho tro vay von | dieu kien de '],
    ['c.h.u.y.ể.n k.h.o.ả.n ngay', ' chuyen khoan ngay '],
    ['Ma"n;N,ha', ' mannha '],
    ['n-h-ậ-n t*i*ề*n', ' nhan tien '],
    ['m a t k h a u', ' mat khau '],
    ['nạp tіền сọc', ' nap tien coc '], // Cyrillic і and с
    ['ΟΤΡ', ' otp '],
    ['Ｏ Ｔ Ｐ nhé', ' o t p nhe '],
    ['mã\u200bOTP', ' maotp '],
    ['phí 5OOk', ' phi zzmoney '],
  ])('%s', (typed, wanted) => {
    expect(canonical(typed).text).toBe(wanted);
  });

  it('leaves amounts, phone and account numbers, links, codes and teen-code alone', () => {
    expect(canonical('giá 250.000đ, 1tr5, zalo 0903.456.789').text).toBe(' gia zzmoney | zzmoney | zalo zzphone ');
    expect(canonical('stk 0123 4567 8910').text).toBe(' so tai khoan zzacct ');
    expect(canonical('lúc 8.30, mã SEN10, vận đơn GHN123, iphone15, giấy A4, 4G').text).toBe(
      ' luc 8 || 30 | ma sen10 | van don ghn123 | iphone15 | giay a4 | 4g ',
    );
    expect(canonical('c k e nha').text).toBe(' chi khong em nha ');
    const { text, links } = canonical('xem https://sen.vn/s/khan-lua nhé');
    expect(text).toBe(' xem zzlink nhe ');
    expect(links.map((l) => l.host)).toEqual(['sen.vn']);
  });

  it('keeps a look-alike letter inside a link, where it is the warning sign', () => {
    const { links } = canonical('đăng nhập ở sеn.vn/verify'); // Cyrillic е
    expect(links[0]?.host).toBe('sеn.vn');
    expect(detectScam('đăng nhập ở sеn.vn/verify').signals.map((s) => s.code)).toContain('link_punycode');
  });

  it('each step alone', () => {
    expect(unmask('Тiền')).toBe('Tiền');
    expect(unspell(' t1en h0 k!en ')).toBe(' tien ho kien ');
    expect(unspell(' s,m,l ')).toBe(' sml ');
    expect(unspell(' a b c ')).toBe(' a b c ');
  });

  it('so obfuscated scams are caught like plain ones', () => {
    for (const text of [
      'ch!j ck c0c tr.u.o.c 5OOk v40 stk giúp em',
      'C-h-u-y-e-n k-h-o-a-n c.o.c 300k vao s.t.k 0123456789 nha',
      'Đọc giúp em mã ΟΤΡ vừa gửi về máy',
    ]) {
      expect(detectScam(text).level, text).toBe('danger');
    }
  });
});
