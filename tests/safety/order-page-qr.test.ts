import { describe, expect, it } from 'vitest';
import { detectScam } from '../../app/modules/safety/detector';

// Issue 18: the honest warning. Paying by the QR Sen draws on the order page (into
// the account whose name Sen verified) is the safe transfer, so a message that only
// points there is not flagged, while transfers arranged in chat still are, and the
// warning names the safe way. (Sentences written for this test, not from the labelled set.)

describe('the order page QR', () => {
  it('does not flag a message that only points to the QR on the Sen order page', () => {
    for (const text of [
      'Chị quét mã QR trên trang đơn hàng Sen để chuyển khoản nhé, tên tài khoản Sen đã xác minh.',
      'Chị quét mã QR trên trang đơn hàng để thanh toán nha',
      'Please scan the QR on your order page to pay.',
      'Pay only with the QR code on the Sen order page.',
    ]) {
      expect(detectScam(text, { locale: 'vi' }).level, text).toBe('none');
    }
  });

  it('still flags a transfer to an account typed in chat, even next to the order page', () => {
    for (const text of [
      'Chị quét mã QR trên trang đơn hàng rồi chuyển khoản vào stk 0451000123456 giúp em',
      'Chị chuyển khoản vào stk 0451000123456 vcb rồi chụp trang đơn hàng Sen gửi em',
      'Scan the QR on the order page then transfer to account 0451000123456',
    ]) {
      const result = detectScam(text, { locale: 'vi' });
      expect(result.level, text).toBe('danger');
      expect(result.signals.map((s) => s.code)).toContain('bank_transfer');
    }
  });

  it('says in its warning to pay only with the QR on the Sen order page, whose account name Sen verified', () => {
    const vi = detectScam('c oi ck coc truoc 50% giup e nha, stk 0451000123456 vcb', { locale: 'vi' });
    for (const s of vi.signals)
      expect(s.message).toContain('mã QR trên trang đơn hàng ở Sen, nơi tên tài khoản đã được Sen xác minh');
    const en = detectScam('please transfer the deposit to my account 0451000123456 first', { locale: 'en' });
    expect(en.signals.length).toBeGreaterThan(0);
    expect(
      en.signals.some((s) =>
        s.message.includes('Pay only with the QR on the Sen order page, whose account name Sen verified'),
      ),
    ).toBe(true);
  });
});
