import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Local stand-ins for eSMS.vn and Zalo (ZNS + OAuth), answering with the JSON
// shapes of their documentation, including their error answers. Tests (and the
// e2e run) read the messages they received: that is how a test learns a code.

type Listen = { url: string; close: () => Promise<void> };

async function listen(
  handler: (req: http.IncomingMessage, body: string) => { status: number; json: unknown },
): Promise<Listen> {
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const { status, json } = handler(req, raw);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type EsmsCall = {
  ApiKey: string;
  SecretKey: string;
  Brandname: string;
  SmsType: string;
  Phone: string;
  Content: string;
  RequestId: string;
  IsUnicode: string;
};

/** eSMS: CodeResult "100" and an SMSID, or the next queued error ("104" brandname, "99", HTTP 429...). */
export async function startEsmsServer(options: { onMessage?: (message: EsmsCall) => void } = {}) {
  const messages: EsmsCall[] = [];
  const failures: Array<{ code?: string; http?: number }> = [];
  const seen = new Set<string>();
  const server = await listen((req, raw) => {
    if (req.method !== 'POST' || req.url !== '/MainService.svc/json/SendMultipleMessage_V4_post_json/')
      return { status: 404, json: {} };
    const body = JSON.parse(raw) as EsmsCall;
    const fail = failures.shift();
    if (fail?.http) return { status: fail.http, json: {} };
    if (fail?.code)
      return { status: 200, json: { CodeResult: fail.code, ErrorMessage: `error ${fail.code}`, CountRegenerate: 0 } };
    if (body.ApiKey !== 'test-key' || body.SecretKey !== 'test-secret')
      return { status: 200, json: { CodeResult: '101', ErrorMessage: 'Authorize Failed' } };
    // eSMS refuses a repeated RequestId: the retry of a message it already took is not sent twice.
    if (body.RequestId && seen.has(body.RequestId))
      return { status: 200, json: { CodeResult: '124', ErrorMessage: 'RequestId duplicated' } };
    if (body.RequestId) seen.add(body.RequestId);
    if (!/^0\d{9}$/.test(body.Phone))
      return { status: 200, json: { CodeResult: '789', ErrorMessage: 'Phone invalid' } };
    messages.push(body);
    options.onMessage?.(body);
    return { status: 200, json: { CodeResult: '100', CountRegenerate: 0, SMSID: `sms-${messages.length}` } };
  });
  return {
    ...server,
    messages,
    failNext: (f: { code?: string; http?: number }) => failures.push(f),
    env: { ESMS_API_KEY: 'test-key', ESMS_SECRET_KEY: 'test-secret', ESMS_BRANDNAME: 'SEN', ESMS_API_BASE: server.url },
  };
}

export type ZnsCall = {
  phone: string;
  template_id: string;
  template_data: Record<string, string>;
  tracking_id: string;
  accessToken: string;
};

/**
 * Zalo: ZNS at /message/template (header access_token) and OAuth refresh at
 * /v4/oa/access_token (header secret_key). Refresh tokens are single-use, as Zalo's are.
 */
export async function startZaloServer() {
  const messages: ZnsCall[] = [];
  const refreshes: string[] = [];
  const failures: number[] = [];
  let tokenNo = 0;
  const valid = new Set<string>();
  let refreshToken = 'refresh-0';
  const server = await listen((req, raw) => {
    if (req.method === 'POST' && req.url === '/v4/oa/access_token') {
      const form = new URLSearchParams(raw);
      refreshes.push(form.get('refresh_token') ?? '');
      if (
        req.headers['secret_key'] !== 'zalo-secret' ||
        form.get('app_id') !== 'zalo-app' ||
        form.get('grant_type') !== 'refresh_token'
      ) {
        return { status: 200, json: { error: -14002, error_name: 'Invalid app id or secret' } };
      }
      if (form.get('refresh_token') !== refreshToken)
        return { status: 200, json: { error: -14014, error_name: 'Invalid refresh token' } };
      tokenNo++;
      refreshToken = `refresh-${tokenNo}`;
      const access = `access-${tokenNo}`;
      valid.add(access);
      return { status: 200, json: { access_token: access, refresh_token: refreshToken, expires_in: '90000' } };
    }
    if (req.method === 'POST' && req.url === '/message/template') {
      const accessToken = String(req.headers['access_token'] ?? '');
      if (!valid.has(accessToken)) return { status: 200, json: { error: -124, message: 'Access token is invalid' } };
      const fail = failures.shift();
      if (fail === 429) return { status: 429, json: {} };
      if (fail) return { status: 200, json: { error: fail, message: `error ${fail}` } };
      const body = JSON.parse(raw) as Omit<ZnsCall, 'accessToken'>;
      if (!/^84\d{9}$/.test(body.phone))
        return { status: 200, json: { error: -108, message: 'Phone number is invalid' } };
      messages.push({ ...body, accessToken });
      return {
        status: 200,
        json: {
          error: 0,
          message: 'Success',
          data: {
            msg_id: `zns-${messages.length}`,
            sent_time: String(Date.now()),
            quota: { dailyQuota: '500', remainingQuota: '499' },
          },
        },
      };
    }
    return { status: 404, json: {} };
  });
  return {
    ...server,
    messages,
    refreshes,
    /** Queue a ZNS error answer (-1123 template rejected, -32 rate limit, 429...). */
    failNext: (code: number) => failures.push(code),
    /** Every access token issued so far stops working, as when Zalo expires one early. */
    expireTokens: () => valid.clear(),
    currentRefreshToken: () => refreshToken,
    env: {
      ZALO_APP_ID: 'zalo-app',
      ZALO_APP_SECRET: 'zalo-secret',
      ZALO_REFRESH_TOKEN: 'refresh-0',
      ZALO_ZNS_API_BASE: server.url,
      ZALO_OAUTH_BASE: server.url,
    },
  };
}
