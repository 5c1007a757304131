import { describe, expect, it } from 'vitest';
import { MASK, maskContacts } from '../app/modules/messaging/mask';

describe('masking contact details in a message', () => {
  it.each([
    ['Gọi em số 0912 345 678 nhé', 'Gọi em số ••• nhé', ['phone']],
    ['sđt 0912.345.678 ạ', 'sđt ••• ạ', ['phone']],
    ['0912-345-678', '•••', ['phone']],
    ['+84 912345678 (Zalo)', '••• (Zalo)', ['phone']],
    ['+84 912 345 678', '•••', ['phone']],
    ['máy bàn 024 3826 1234', 'máy bàn •••', ['phone']],
    ['mail em: hoa.nguyen+shop@gmail.com nha', 'mail em: ••• nha', ['email']],
    ['Email: Lan_Tran@yahoo.com.vn', 'Email: •••', ['email']],
    ['stk 0451 0001 23456 Vietcombank', 'stk ••• Vietcombank', ['account']],
    ['STK: 0451.0001.23456', 'STK: •••', ['account']],
    ['chuyển vào 0451000123456 vcb', 'chuyển vào ••• vcb', ['account']],
    ['tk 19036512345678 techcombank', 'tk ••• techcombank', ['account']],
  ])('hides %s', (input, output, kinds) => {
    const masked = maskContacts(input);
    expect(masked.text).toBe(output);
    expect(masked.kinds).toEqual(kinds);
  });

  it('hides several details of different kinds at once', () => {
    const masked = maskContacts('Gọi 0987654321 hoặc mail a@b.vn, stk 0451 0001 23456');
    expect(masked.text).toBe(`Gọi ${MASK} hoặc mail ${MASK}, stk ${MASK}`);
    expect(masked.kinds.sort()).toEqual(['account', 'email', 'phone']);
  });

  it.each([
    'Giá 15.000.000đ chị nhé',
    'tổng 1,500,000 VND',
    'Khăn 250.000 đồng, ship 30.000',
    'giá 12 500 000 ạ',
    'giao ngày 28.11.2026',
    'mã đơn 12345, size 38',
    'Em còn 3 cái, 2 màu',
    'năm 2026 em bán 1200 cái',
  ])('leaves ordinary text alone: %s', (input) => {
    expect(maskContacts(input)).toEqual({ text: input, kinds: [] });
  });

  it('treats a grouped number after an account word as an account, not an amount', () => {
    expect(maskContacts('stk 123.456.789.012').text).toBe(`stk ${MASK}`);
  });
});
