// Banks that receive VietQR transfers (NAPAS 24/7), by their NAPAS BIN: the
// acquirer id a VietQR payload names. Data, not logic: extend it from NAPAS's list.
export type Bank = { bin: string; code: string; name: string };

export const vietQrBanks: readonly Bank[] = [
  { bin: '970405', code: 'AGRIBANK', name: 'Agribank' },
  { bin: '970436', code: 'VCB', name: 'Vietcombank' },
  { bin: '970415', code: 'ICB', name: 'VietinBank' },
  { bin: '970418', code: 'BIDV', name: 'BIDV' },
  { bin: '999888', code: 'VBSP', name: 'Ngân hàng Chính sách xã hội' },
  { bin: '970449', code: 'LPB', name: 'LPBank (Lộc Phát)' },
  { bin: '970407', code: 'TCB', name: 'Techcombank' },
  { bin: '970422', code: 'MB', name: 'MB Bank' },
  { bin: '970416', code: 'ACB', name: 'ACB' },
  { bin: '970432', code: 'VPB', name: 'VPBank' },
  { bin: '970403', code: 'STB', name: 'Sacombank' },
  { bin: '970423', code: 'TPB', name: 'TPBank' },
  { bin: '970441', code: 'VIB', name: 'VIB' },
  { bin: '970443', code: 'SHB', name: 'SHB' },
  { bin: '970437', code: 'HDB', name: 'HDBank' },
  { bin: '970448', code: 'OCB', name: 'OCB' },
  { bin: '970426', code: 'MSB', name: 'MSB' },
  { bin: '970440', code: 'SEAB', name: 'SeABank' },
  { bin: '970431', code: 'EIB', name: 'Eximbank' },
  { bin: '970428', code: 'NAB', name: 'Nam A Bank' },
  { bin: '970409', code: 'BAB', name: 'Bac A Bank' },
  { bin: '970412', code: 'PVCB', name: 'PVcomBank' },
  { bin: '970452', code: 'KLB', name: 'KienlongBank' },
  { bin: '970438', code: 'BVB', name: 'BaoViet Bank' },
  { bin: '970454', code: 'VCCB', name: 'Bản Việt (BVBank)' },
  { bin: '970427', code: 'VAB', name: 'VietABank' },
  { bin: '970425', code: 'ABB', name: 'ABBANK' },
  { bin: '970419', code: 'NCB', name: 'NCB' },
  { bin: '970400', code: 'SGICB', name: 'Saigonbank' },
  { bin: '970429', code: 'SCB', name: 'SCB' },
  { bin: '970433', code: 'VIETBANK', name: 'Vietbank' },
  { bin: '970430', code: 'PGB', name: 'PGBank' },
  { bin: '970446', code: 'COOPBANK', name: 'Co-opBank' },
  { bin: '970408', code: 'GPB', name: 'GPBank' },
];

export function bankByBin(bin: string) {
  return vietQrBanks.find((b) => b.bin === bin) ?? null;
}
