import { createHash, timingSafeEqual } from 'node:crypto';
import type { ShipmentStatus } from '../../../db/schema';
import { log } from '~/lib/log.server';
import { provinceName } from '~/lib/provinces';
import { localDigits } from '~/lib/phone';
import type { Carrier, CarrierRefusal, CarrierResult, Parcel, ShippingAddress, WebhookReading } from './carrier';

// Giao Hàng Nhanh (GHN), through its public API (https://api.ghn.vn/home/docs):
// every call is a JSON POST under /shiip/public-api with the headers `Token` and
// `ShopId`, answered {"code": 200, "message": "Success", "data": {...}}, or an
// HTTP error with {"code": 400|401, "message": "...", "code_message": "..."}.
//   fee        POST /v2/shipping-order/preview  (the create body; data.total_fee)
//   shipment   POST /v2/shipping-order/create   (data.order_code, data.total_fee)
//   label      POST /v2/a5/gen-token {order_codes} → data.token, printed at /a5/public-api/printA5?token=
// The addresses go by name (to_ward_name, to_province_name): GHN resolves the
// post-2025 wards itself, so Sen keeps no copy of GHN's own ward codes.
// GHN's webhook carries no signature: the callback URL registered in GHN's portal
// holds a secret (?token=GHN_WEBHOOK_TOKEN), and the body's ShopID must be ours.

export type GhnConfig = { token: string; shopId: string; apiUrl: string; webhookToken: string | null };

export function ghnConfig(env: Partial<Record<string, string>> = process.env): GhnConfig | null {
  if (!env.GHN_TOKEN || !env.GHN_SHOP_ID) return null;
  return {
    token: env.GHN_TOKEN,
    shopId: env.GHN_SHOP_ID,
    apiUrl: (env.GHN_API_URL || 'https://online-gateway.ghn.vn/shiip/public-api').replace(/\/+$/, ''),
    webhookToken: env.GHN_WEBHOOK_TOKEN || null,
  };
}

/** GHN's service for parcels of e-commerce (hàng nhẹ): service_type_id 2. */
const lightGoods = 2;
/** A small box; GHN prices by the larger of weight and volume. */
const box = { length: 20, width: 20, height: 10 };

type GhnAnswer = { code?: number; message?: string; code_message?: string; data?: unknown };

/** A national number (0912…): GHN does not take +84. */
function nationalPhone(phone: string) {
  return localDigits(phone.replace(/\s+/g, ''));
}

function addressFields(prefix: 'from' | 'to', a: ShippingAddress) {
  return {
    [`${prefix}_name`]: a.name,
    [`${prefix}_phone`]: nationalPhone(a.phone),
    [`${prefix}_address`]: `${a.address}, ${a.ward}, ${provinceName(a.province, 'vi')}`,
    [`${prefix}_ward_name`]: a.ward,
    [`${prefix}_province_name`]: provinceName(a.province, 'vi'),
  };
}

function orderBody(from: ShippingAddress, to: ShippingAddress, parcel: Parcel, extra: Record<string, unknown> = {}) {
  return {
    // 1: the shop pays GHN's fee (the buyer paid it to her with the order).
    payment_type_id: 1,
    // The buyer may look inside before she pays, not try the goods on.
    required_note: 'CHOXEMHANGKHONGTHU',
    ...addressFields('from', from),
    ...addressFields('to', to),
    cod_amount: parcel.cod,
    insurance_value: parcel.value,
    weight: parcel.weightGrams,
    ...box,
    service_type_id: lightGoods,
    content: parcel.items
      .map((i) => `${i.name} x${i.quantity}`)
      .join(', ')
      .slice(0, 2000),
    items: parcel.items.map((i) => ({ name: i.name.slice(0, 200), quantity: i.quantity, price: i.price })),
    ...extra,
  };
}

/** GHN's refusal, in Sen's words: the message decides, since GHN answers most refusals with HTTP 400. */
export function classifyGhnError(status: number, answer: GhnAnswer): CarrierRefusal {
  const text = `${answer.message ?? ''} ${answer.code_message ?? ''}`;
  if (status === 401 || status === 403 || answer.code === 401 || /token/i.test(text)) return 'unauthorized';
  if (/weight|trọng lượng|khối lượng/i.test(text)) return 'tooHeavy';
  if (/route|not support|không hỗ trợ|ward|district|xã|phường|service/i.test(text)) return 'notServed';
  if (status >= 500) return 'unavailable';
  return 'refused';
}

export function ghnCarrier(config: GhnConfig, fetcher: typeof fetch = fetch): Carrier {
  async function call<T>(path: string, body: unknown): Promise<CarrierResult<{ data: T }>> {
    let response: Response;
    try {
      response = await fetcher(`${config.apiUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Token: config.token, ShopId: config.shopId },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      log.warn('ghn unreachable', { path, error: String(error) });
      return { ok: false, reason: 'unavailable', message: String(error) };
    }
    let answer: GhnAnswer = {};
    try {
      answer = (await response.json()) as GhnAnswer;
    } catch {
      // GHN answered something else than JSON (a proxy's error page)
    }
    if (response.ok && answer.code === 200 && answer.data) return { ok: true, data: answer.data as T };
    const reason = classifyGhnError(response.status, answer);
    log.warn('ghn refused', { path, status: response.status, reason, message: answer.message ?? '' });
    return { ok: false, reason, message: answer.message ?? `HTTP ${response.status}` };
  }

  return {
    code: 'ghn',
    name: 'Giao Hàng Nhanh',
    async quote(from, to, parcel) {
      const answer = await call<{ total_fee?: number | string }>(
        '/v2/shipping-order/preview',
        orderBody(from, to, parcel),
      );
      if (!answer.ok) return answer;
      const fee = Number(answer.data.total_fee);
      if (!Number.isFinite(fee) || fee < 0) return { ok: false, reason: 'unavailable', message: 'no total_fee' };
      return { ok: true, fee: Math.round(fee) };
    },
    async createShipment({ clientOrderCode, from, to, parcel, note }) {
      const created = await call<{ order_code?: string; total_fee?: number | string }>(
        '/v2/shipping-order/create',
        orderBody(from, to, parcel, { client_order_code: clientOrderCode, note: note.slice(0, 500) }),
      );
      if (!created.ok) return created;
      const orderCode = created.data.order_code;
      if (!orderCode) return { ok: false, reason: 'unavailable', message: 'no order_code' };
      // The label is a print page GHN opens with a token; without one the seller prints it from GHN's portal.
      const label = await call<{ token?: string }>('/v2/a5/gen-token', { order_codes: [orderCode] });
      const labelUrl =
        label.ok && label.data.token
          ? `${new URL(config.apiUrl).origin}/a5/public-api/printA5?token=${encodeURIComponent(label.data.token)}`
          : null;
      return { ok: true, orderCode, fee: Math.round(Number(created.data.total_fee) || 0), labelUrl };
    },
    readWebhook({ url, body }) {
      return readGhnWebhook(config, url, body);
    },
  };
}

function sameSecret(given: string, expected: string) {
  // Hashes have one length, so the comparison takes the same time whatever was sent.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** GHN's status words (its "Trạng thái đơn hàng" table) and what each means for the order. */
export function ghnStatus(status: string): ShipmentStatus | null {
  switch (status) {
    case 'ready_to_pick':
    case 'picking':
    case 'money_collect_picking':
      return 'ready_to_pick';
    case 'picked':
      return 'picked_up';
    case 'storing':
    case 'transporting':
    case 'sorting':
    case 'delivering':
    case 'money_collect_delivering':
      return 'in_transit';
    case 'delivered':
      return 'delivered';
    case 'returned':
      return 'returned';
    case 'cancel':
      return 'cancelled';
    default:
      // delivery_fail, waiting_to_return, return, return_transporting, return_sorting, returning,
      // return_fail, exception, damage, lost: recorded and shown, they move nothing by themselves.
      return null;
  }
}

type GhnCallback = {
  OrderCode?: unknown;
  Status?: unknown;
  Type?: unknown;
  Time?: unknown;
  ShopID?: unknown;
  CODAmount?: unknown;
  CODTransferDate?: unknown;
  Description?: unknown;
  Reason?: unknown;
};

function date(value: unknown) {
  if (typeof value !== 'string' || !value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function readGhnWebhook(config: GhnConfig, url: string, body: string): WebhookReading {
  const token = new URL(url, 'http://localhost').searchParams.get('token') ?? '';
  if (!config.webhookToken || !sameSecret(token, config.webhookToken))
    return { ok: false, status: 401, error: 'wrong token' };
  let payload: GhnCallback;
  try {
    payload = JSON.parse(body) as GhnCallback;
  } catch {
    return { ok: false, status: 400, error: 'not JSON' };
  }
  if (!payload || typeof payload !== 'object') return { ok: false, status: 400, error: 'not an object' };
  if (String(payload.ShopID ?? '') !== config.shopId) return { ok: false, status: 401, error: 'another shop' };
  if (typeof payload.OrderCode !== 'string' || !payload.OrderCode || typeof payload.Status !== 'string')
    return { ok: false, status: 400, error: 'OrderCode and Status are required' };
  const status = ghnStatus(payload.Status);
  const happenedAt = date(payload.Time);
  const cod = Number(payload.CODAmount);
  const description = [payload.Description, payload.Reason]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .join(' · ')
    .slice(0, 500);
  return {
    ok: true,
    update: {
      orderCode: payload.OrderCode.slice(0, 80),
      carrierStatus: payload.Status.slice(0, 60),
      status,
      description,
      happenedAt,
      key: [payload.OrderCode, String(payload.Type ?? ''), payload.Status, String(payload.Time ?? '')]
        .join('|')
        .slice(0, 300),
      codCollected: status === 'delivered' && Number.isFinite(cod) && cod >= 0 ? Math.round(cod) : null,
      codTransferredAt: date(payload.CODTransferDate),
    },
  };
}
