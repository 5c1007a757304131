// Zalo Notification Service (ZNS): template messages from Sen's Zalo Official
// Account to a phone number (POST business.openapi.zalo.me/message/template,
// header access_token). Templates are approved by Zalo beforehand; a message
// is a template id and its parameters. The access token lives about 25 hours
// and is renewed with a single-use refresh token (POST
// oauth.zaloapp.com/v4/oa/access_token), whose successor must be kept: the
// token store does that under a row lock, so two workers never spend the same one.

import { SmsError, type ZnsMessage } from './types';

export type ZaloTokens = { accessToken: string; refreshToken: string; expiresAt: Date };

export interface ZaloTokenStore {
  /** The current tokens, or null before the first refresh. */
  load(): Promise<ZaloTokens | null>;
  /**
   * Runs `renew` with the refresh token to spend, alone among all processes,
   * and keeps what it returns. If another process renewed meanwhile
   * (`staleAccessToken` no longer current), returns its tokens instead.
   */
  renew(staleAccessToken: string | null, renew: (refreshToken: string) => Promise<ZaloTokens>): Promise<ZaloTokens>;
}

export type ZaloConfig = {
  appId: string;
  appSecret: string;
  /** https://business.openapi.zalo.me and https://oauth.zaloapp.com by default. */
  apiBase?: string;
  oauthBase?: string;
};

// Zalo's answers that a later try may not get: -32 rate limit of the OA.
const RETRYABLE = new Set([-32]);
// The access token is invalid or expired.
const TOKEN_INVALID = new Set([-124, -216]);

export function zaloClient(config: ZaloConfig, store: ZaloTokenStore) {
  const api = (config.apiBase ?? 'https://business.openapi.zalo.me').replace(/\/$/, '');
  const oauth = (config.oauthBase ?? 'https://oauth.zaloapp.com').replace(/\/$/, '');

  async function refresh(refreshToken: string): Promise<ZaloTokens> {
    let res: Response;
    try {
      res = await fetch(`${oauth}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', secret_key: config.appSecret },
        body: new URLSearchParams({ refresh_token: refreshToken, app_id: config.appId, grant_type: 'refresh_token' }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new SmsError('zalo', 'network', String(error), true);
    }
    const body = (await res.json().catch(() => null)) as {
      access_token?: string;
      refresh_token?: string;
      expires_in?: string | number;
      error?: number;
      error_name?: string;
    } | null;
    if (!res.ok || !body?.access_token || !body.refresh_token) {
      // A refused refresh token needs a person to authorise the app again: not retryable.
      throw new SmsError('zalo', `refresh_${body?.error ?? res.status}`, body?.error_name ?? '', res.status >= 500);
    }
    const seconds = Number(body.expires_in ?? 3600);
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresAt: new Date(Date.now() + (seconds - 60) * 1000),
    };
  }

  async function token(): Promise<string> {
    const current = await store.load();
    if (current && current.expiresAt.getTime() > Date.now()) return current.accessToken;
    return (await store.renew(current?.accessToken ?? null, refresh)).accessToken;
  }

  async function post(accessToken: string, message: ZnsMessage) {
    let res: Response;
    try {
      res = await fetch(`${api}/message/template`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', access_token: accessToken },
        body: JSON.stringify({
          phone: message.to.replace(/^\+/, ''), // 84912345678
          template_id: message.templateId,
          template_data: message.params,
          tracking_id: message.trackingId,
        }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new SmsError('zalo', 'network', String(error), true);
    }
    if (res.status === 429 || res.status >= 500) throw new SmsError('zalo', `http_${res.status}`, res.statusText, true);
    const body = (await res.json().catch(() => null)) as {
      error?: number;
      message?: string;
      data?: { msg_id?: string };
    } | null;
    if (!body || typeof body.error !== 'number')
      throw new SmsError('zalo', `http_${res.status}`, 'unreadable answer', false);
    return body;
  }

  return {
    name: 'zalo',
    async send(message: ZnsMessage): Promise<{ providerId: string }> {
      let accessToken = await token();
      let body = await post(accessToken, message);
      if (TOKEN_INVALID.has(body.error ?? 0)) {
        // Expired early or revoked: renew once and try again.
        accessToken = (await store.renew(accessToken, refresh)).accessToken;
        body = await post(accessToken, message);
      }
      if (body.error !== 0) {
        throw new SmsError(
          'zalo',
          String(body.error),
          body.message ?? '',
          RETRYABLE.has(body.error ?? 0) || TOKEN_INVALID.has(body.error ?? 0),
        );
      }
      return { providerId: body.data?.msg_id ?? '' };
    },
  };
}
