import { describe, expect, it } from 'vitest';
import { bankByBin, vietQrBanks } from '../../app/modules/payments/banks';
import { crc16ccitt, readVietQr, vietQrPayload, vietQrProblem } from '../../app/modules/payments/vietqr';

describe('VietQR payloads', () => {
  it('computes CRC-16/CCITT-FALSE: the standard check value and a published NAPAS payload', () => {
    expect(crc16ccitt('123456789')).toBe('29B1');
    // A static merchant code published with the liopay/vietqr library (NAPAS QR spec v1.5.2).
    const published =
      '00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN5910PHUONG CAC6005HANOI62110307NPS686963045802';
    expect(crc16ccitt(published.slice(0, -4))).toBe('5802');
    expect(readVietQr(published)?.crcValid).toBe(true);
  });

  it('builds a one-payment transfer to an account, with the amount and the order note', () => {
    const payload = vietQrPayload({
      bin: '970436',
      accountNumber: '0011004567890',
      amount: 250000,
      note: 'SEN 7K3Q9X',
    });
    expect(payload).toBe(
      '000201' +
        '010212' +
        '3857' +
        '0010A000000727' +
        '0127' +
        '0006970436' +
        '01130011004567890' +
        '0208QRIBFTTA' +
        '5303704' +
        '5406250000' +
        '5802VN' +
        '6214' +
        '0810SEN 7K3Q9X' +
        '6304' +
        payload.slice(-4),
    );
    const read = readVietQr(payload)!;
    expect(read.crcValid).toBe(true);
    expect(read.fields.get('54')).toBe('250000');
    // One changed digit breaks the checksum: a banking app refuses a tampered code.
    expect(readVietQr(payload.replace('5406250000', '5406950000'))!.crcValid).toBe(false);
  });

  it('refuses what a bank app would refuse or misread', () => {
    const good = { bin: '970405', accountNumber: '1234567890', amount: 90000, note: 'SEN ABC123' };
    expect(vietQrProblem(good)).toBeNull();
    expect(vietQrProblem({ ...good, bin: '97040' })).toBe('bin');
    expect(vietQrProblem({ ...good, accountNumber: '12345678901234567890' })).toBe('account');
    expect(vietQrProblem({ ...good, accountNumber: '123-456' })).toBe('account');
    for (const amount of [0, -5, 1.5, Number.NaN, 1e14]) expect(vietQrProblem({ ...good, amount })).toBe('amount');
    // Diacritics and symbols are changed or dropped by some banks: the note must match exactly.
    for (const note of ['SEN đơn 12', 'SEN <b>', '', 'x'.repeat(26)])
      expect(vietQrProblem({ ...good, note })).toBe('note');
    expect(() => vietQrPayload({ ...good, amount: 0 })).toThrow(RangeError);
  });

  it('knows each bank once, by a six-digit BIN', () => {
    expect(new Set(vietQrBanks.map((b) => b.bin)).size).toBe(vietQrBanks.length);
    for (const bank of vietQrBanks) expect(bank.bin).toMatch(/^\d{6}$/);
    expect(bankByBin('970405')?.name).toBe('Agribank');
    expect(bankByBin('000000')).toBeNull();
  });
});
