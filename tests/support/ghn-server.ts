import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for Giao Hàng Nhanh's public API, answering with the shapes of
// its documentation: {"code": 200, "message": "Success", "data": {...}}, and its
// refusals as HTTP 400/401 with {"code", "message", "code_message"}: an invalid
// token, a ward its network does not serve, a parcel over its weight limit, an
// order code already used. Tests read the calls it received, and build the
// callbacks GHN would send (ghnCallback).

export const ghnTest = { token: 'test-ghn-token', shopId: '885', webhookToken: 'test-ghn-webhook-token' };

/** GHN's limit for a light-goods parcel, in grams. */
export const ghnMaxWeight = 50_000;

export type GhnCall = { path: string; body: Record<string, unknown> };

type Failure = { http: number; json: unknown };

/** GHN's price list, simplified: 22.000 ₫ for the first 500 g, 5.000 ₫ per 500 g more, 10.000 ₫ between provinces. */
export function ghnFee(weight: number, fromProvince: unknown, toProvince: unknown) {
  return 22_000 + Math.ceil(Math.max(0, weight - 500) / 500) * 5_000 + (fromProvince === toProvince ? 0 : 10_000);
}

export async function startGhnServer(options: { unserved?: string[] } = {}) {
  const calls: GhnCall[] = [];
  const failures: Failure[] = [];
  const unserved = new Set(options.unserved ?? []);
  const clientCodes = new Set<string>();
  const tokens = new Map<string, string[]>();
  let next = 1;

  const answer = (res: http.ServerResponse, status: number, json: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(json));
  };
  const refuse = (res: http.ServerResponse, status: number, message: string, codeMessage: string) =>
    answer(res, status, { code: status, message, data: null, code_message: codeMessage });

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/a5/public-api/printA5') {
        const codes = tokens.get(url.searchParams.get('token') ?? '');
        if (!codes) return refuse(res, 400, 'Token không hợp lệ', 'TOKEN_INVALID');
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return res.end(`<!doctype html><title>GHN A5</title><h1>${codes.join(', ')}</h1>`);
      }
      const path = url.pathname.replace(/^\/shiip\/public-api/, '');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw || '{}') as Record<string, unknown>;
      } catch {
        return refuse(res, 400, 'Invalid JSON', 'USER_ERR_COMMON');
      }
      calls.push({ path, body });
      const fail = failures.shift();
      if (fail) return answer(res, fail.http, fail.json);
      if (req.headers.token !== ghnTest.token) return refuse(res, 401, 'Token is not valid!', 'TOKEN_INVALID');
      if (req.headers.shopid !== ghnTest.shopId) return refuse(res, 400, 'ShopId is not valid', 'SHOP_INVALID');
      if (req.method !== 'POST') return refuse(res, 405, 'Method not allowed', 'USER_ERR_COMMON');

      if (path === '/v2/a5/gen-token') {
        const codes = Array.isArray(body.order_codes) ? body.order_codes.map(String) : [];
        const token = `a5-${next++}`;
        tokens.set(token, codes);
        return answer(res, 200, { code: 200, message: 'Success', data: { token } });
      }
      if (path !== '/v2/shipping-order/preview' && path !== '/v2/shipping-order/create')
        return refuse(res, 404, 'Not found', 'NOT_FOUND');
      const weight = Number(body.weight);
      if (!Number.isInteger(weight) || weight <= 0 || weight > ghnMaxWeight)
        return refuse(res, 400, `weight must be between 1 and ${ghnMaxWeight}`, 'USER_ERR_COMMON');
      if (!body.to_ward_name || !body.to_province_name || !body.from_ward_name)
        return refuse(res, 400, 'to_ward_name is required', 'USER_ERR_COMMON');
      if (unserved.has(String(body.to_ward_name)))
        return refuse(res, 400, 'Route not found service', 'ROUTE_NOT_FOUND_SERVICE');
      const fee = ghnFee(weight, body.from_province_name, body.to_province_name);
      if (path === '/v2/shipping-order/preview')
        return answer(res, 200, {
          code: 200,
          message: 'Success',
          data: { order_code: '', total_fee: fee, expected_delivery_time: new Date(Date.now() + 3 * 864e5) },
        });
      const clientCode = String(body.client_order_code ?? '');
      if (clientCode && clientCodes.has(clientCode))
        return refuse(res, 400, 'Mã đơn hàng của shop đã tồn tại', 'ORDER_CLIENT_CODE_EXISTED');
      if (clientCode) clientCodes.add(clientCode);
      const orderCode = `GHN${String(next++).padStart(5, '0')}`;
      return answer(res, 200, {
        code: 200,
        message: 'Success',
        data: {
          order_code: orderCode,
          sort_code: '19-000-00',
          trans_type: 'truck',
          fee: { main_service: fee, insurance: 0 },
          total_fee: fee,
          expected_delivery_time: new Date(Date.now() + 3 * 864e5).toISOString(),
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    calls,
    unserved,
    /** The next call answers this instead (e.g. HTTP 500, or an expired token's 401). */
    failNext: (http: number, json: unknown = { code: http, message: 'Internal error' }) =>
      failures.push({ http, json }),
    env: {
      GHN_TOKEN: ghnTest.token,
      GHN_SHOP_ID: ghnTest.shopId,
      GHN_API_URL: `${url}/shiip/public-api`,
      GHN_WEBHOOK_TOKEN: ghnTest.webhookToken,
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The body GHN posts to the callback URL when an order changes (its webhook documentation's fields). */
export function ghnCallback(
  orderCode: string,
  status: string,
  extra: Partial<Record<'CODAmount' | 'CODTransferDate' | 'Time' | 'Type' | 'Description' | 'ShopID', unknown>> = {},
) {
  return {
    CODAmount: 0,
    CODTransferDate: null,
    ClientOrderCode: '',
    ConvertedWeight: 500,
    Description: '',
    Fee: { CODFee: 0, Coupon: 0, Insurance: 0, MainService: 22000, R2S: 0, Return: 0, StationDO: 0, StationPU: 0 },
    Height: 10,
    IsPartialReturn: false,
    Length: 20,
    OrderCode: orderCode,
    PartialReturnCode: '',
    PaymentType: 1,
    Reason: '',
    ReasonCode: '',
    ShopID: Number(ghnTest.shopId),
    Status: status,
    Time: new Date().toISOString(),
    TotalFee: 22000,
    Type: 'switch_status',
    Warehouse: 'Bưu cục Sa Pa',
    Weight: 500,
    Width: 20,
    ...extra,
  };
}
