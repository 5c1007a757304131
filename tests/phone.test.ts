import { describe, expect, it } from 'vitest';
import {
  findPhones,
  foldPhoneText,
  formatPhone,
  localDigits,
  maskPhone,
  parsePhone,
  phoneCountries,
  replacePhones,
} from '~/lib/phone';

const VN = { countries: ['VN'] };

describe('parsePhone: a number typed into a form', () => {
  it.each([
    ['0912 345 678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['84-912-345-678', '+84912345678'],
    ['(+84) 912.345.678', '+84912345678'],
    ['+84 (0) 912 345 678', '+84912345678'],
    ['0084 912 345 678', '+84912345678'],
    ['  0912-345-678  ', '+84912345678'],
    ['０９１２　３４５　６７８', '+84912345678'], // full-width digits and space
    ['٠٩١٢٣٤٥٦٧٨', '+84912345678'], // Arabic-Indic digits
    ['không chín một hai ba bốn năm sáu bảy tám', '+84912345678'],
    ['khong chin mot hai ba bon nam sau bay tam', '+84912345678'],
    ['zero nine one two three four five six seven eight', '+84912345678'],
    ['09 một hai 345 678', '+84912345678'],
    ['0900000001', '+84900000001'],
  ])('%s → %s', (typed, e164) => {
    expect(parsePhone(typed, VN)).toMatchObject({ ok: true, e164, country: 'VN', kind: 'mobile' });
  });

  // Every mobile prefix in use in 2026 (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile, iTel, Reddi, Wintel).
  const prefixes = {
    Viettel: ['086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039'],
    VinaPhone: ['088', '091', '094', '081', '082', '083', '084', '085'],
    MobiFone: ['089', '090', '093', '070', '076', '077', '078', '079'],
    Vietnamobile: ['092', '056', '058'],
    Gmobile: ['099', '059'],
    iTel: ['087'],
    Reddi: ['055'],
    Wintel: ['0522'],
  };
  for (const [carrier, list] of Object.entries(prefixes)) {
    it.each(list)(`${carrier} %s`, (prefix) => {
      // A number in a block each carrier has in service (…9 123 456; Wintel's 052 has only the 0522 block).
      const typed = `${prefix}9123456`.slice(0, 10);
      const parsed = parsePhone(typed, VN);
      expect(parsed, typed).toEqual({ ok: true, e164: `+84${typed.slice(1)}`, country: 'VN', kind: 'mobile' });
    });
  }

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['024 3826 1234', 'landline'], // Hà Nội fixed line
    ['+84 28 3822 1234', 'landline'], // TP HCM fixed line
    ['+1 415 555 2671', 'country'],
    ['+856 20 5512 3456', 'country'], // Laos mobile, not allowed by default
    ['0912abc678', 'invalid'],
    ['0912 345 678 📞', 'invalid'],
    ['📞📞📞', 'invalid'],
    ['123456789012345678901234567890', 'invalid'],
    ['0912 345 678, 0987 654 321', 'invalid'],
    ['0123 456 789', 'invalid'], // an old 11-digit-era prefix, no longer in use
    ['091234567', 'invalid'],
    ['gọi em nhé', 'invalid'],
  ])('%j is refused (%s)', (typed, problem) => {
    expect(parsePhone(typed, VN)).toEqual({ ok: false, problem });
  });

  it('takes other countries when PHONE_COUNTRIES allows them', () => {
    expect(phoneCountries({ PHONE_COUNTRIES: 'vn, la' })).toEqual(['VN', 'LA']);
    expect(phoneCountries({})).toEqual(['VN']);
    expect(parsePhone('+856 20 5512 3456', { countries: ['VN', 'LA'] })).toMatchObject({
      ok: true,
      e164: '+8562055123456',
      country: 'LA',
      kind: 'foreign',
    });
  });
});

describe('formatting and masking', () => {
  it('formats a Vietnamese number nationally, others internationally', () => {
    expect(formatPhone('+84912345678')).toBe('0912 345 678');
    expect(formatPhone('+8562055123456')).toMatch(/^\+856 /);
    expect(localDigits('+84912345678')).toBe('0912345678');
  });
  it('masks all but the head and the last three digits', () => {
    expect(maskPhone('+84912345678')).toBe('0912 ••• 678');
    expect(maskPhone('+84912345678')).not.toContain('345');
  });
});

describe('findPhones: numbers hidden in a message', () => {
  const e164s = (text: string) => findPhones(text).map((m) => m.e164);
  it.each([
    ['gọi 0912 345 678 nhé', ['+84912345678']],
    ['zalo: 0912.345.678', ['+84912345678']],
    ['sđt 0912_345_678', ['+84912345678']],
    ['số em 0 9 1 2 3 4 5 6 7 8', ['+84912345678']],
    ['0912-345-678 hoặc 0987 654 321', ['+84912345678', '+84987654321']],
    ['0912 345 678, 0987 654 321', ['+84912345678', '+84987654321']],
    ['liên hệ ０９１２３４５６７８', ['+84912345678']],
    ['số em là không chín một hai ba bốn năm sáu bảy tám nha', ['+84912345678']],
    ['KHÔNG CHÍN MỘT HAI, BA BỐN NĂM, SÁU BẢY TÁM', ['+84912345678']],
    ['call +84 912 345 678', ['+84912345678']],
    ['zalo0912345678', ['+84912345678']],
    ['0912\u200b345\u200b678', ['+84912345678']],
    ['09oo 123 456', ['+84900123456']],
    ['bàn 024 3826 1234', ['+842438261234']],
  ])('%s', (text, expected) => {
    expect(e164s(text)).toEqual(expected);
  });

  it.each([
    'giá 15.000.000đ',
    'ngày 28.11.2026',
    'stk 0011 0012 3456 7',
    'một hai ba đi nào',
    'năm 2026 em hai mươi tuổi',
    'mã đơn 123456789',
  ])('finds none in %s', (text) => {
    expect(e164s(text)).toEqual([]);
  });

  it('keeps the rest of the text in place when replacing', () => {
    expect(replacePhones('A 0912 345 678 B không chín tám bảy sáu năm bốn ba hai một C', () => '•')).toBe('A • B • C');
  });

  it('folds a number written any way to its digits', () => {
    expect(foldPhoneText('+84 (0) chín 12-345.678')).toBe('+840912345678');
  });
});

describe('one rule for chat masking and the scam detector', () => {
  it.each([
    'số em không chín một hai ba bốn năm sáu bảy tám, chuyển khoản trước nhé',
    'zalo ０９１２ ３４５ ６７８ chuyển khoản trước nhé',
    'zalo 0912_345_678 chuyển khoản trước nhé',
  ])('%s: masked in chat and seen by the detector', async (text) => {
    const { maskContacts } = await import('~/modules/messaging/mask');
    const { canonical } = await import('~/modules/safety/detector/normalise');
    expect(maskContacts(text).kinds).toContain('phone');
    expect(maskContacts(text).text).not.toMatch(/\d{3}|bốn năm sáu/);
    expect(canonical(text).text).toContain(' zzphone ');
  });

  it('keys a reported number the same way however it was typed', async () => {
    const { contactNumbers } = await import('~/modules/messaging/mask');
    const { typedNumber } = await import('~/modules/moderation/scam-accounts.server');
    expect(contactNumbers('không chín một hai ba bốn năm sáu bảy tám')).toEqual([
      { kind: 'phone', digits: '0912345678' },
    ]);
    expect(typedNumber('+84 912 345 678')).toBe('0912345678');
    expect(typedNumber('(+84) 912.345.678')).toBe('0912345678');
  });
});
