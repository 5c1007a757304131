import QRCode from 'qrcode';
import { bankByBin } from './banks';
import { vietQrPayload } from './vietqr';

export type VietQrOrder = {
  total: number;
  payment_code: string | null;
  payee_bin: string | null;
  payee_account: string | null;
  payee_name: string | null;
};

/**
 * What the buyer's order page shows to pay one VietQR order: the code as an SVG
 * drawn on the server (an <img> data URL: no JavaScript), and the facts to check
 * in her banking app. Null when the order is not a VietQR order.
 */
export async function vietQrForOrder(order: VietQrOrder) {
  if (!order.payment_code || !order.payee_bin || !order.payee_account || !order.payee_name) return null;
  const note = `SEN ${order.payment_code}`;
  const payload = vietQrPayload({
    bin: order.payee_bin,
    accountNumber: order.payee_account,
    amount: Number(order.total),
    note,
  });
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    payload,
    note,
    amount: Number(order.total),
    bank: bankByBin(order.payee_bin)?.name ?? order.payee_bin,
    account: order.payee_account,
    holder: order.payee_name,
  };
}
