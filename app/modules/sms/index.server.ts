// The sms module: every text to a phone goes through here, by SMS (eSMS.vn)
// or by Zalo (ZNS). Configured by environment variables (README,
// "Phone numbers, SMS and Zalo"); without them, messages are written to the
// log as email is, so `npm start` needs nothing. A second SMS provider is one
// more file like esms.server.ts.

import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { esmsProvider } from './esms.server';
import type { SmsMessage, SmsProvider, ZnsMessage } from './types';
import { zaloClient, type ZaloTokens, type ZaloTokenStore } from './zalo.server';
import { env, type EnvSource } from '~/lib/env.server';

export { SmsError } from './types';
export type { SmsMessage, ZnsMessage } from './types';

/** The tokens in the zalo_tokens row; the first refresh token comes from ZALO_REFRESH_TOKEN. */
export const dbZaloTokenStore: ZaloTokenStore = {
  async load() {
    const row = await db.selectFrom('zalo_tokens').selectAll().where('id', '=', 1).executeTakeFirst();
    return row
      ? { accessToken: row.access_token, refreshToken: row.refresh_token, expiresAt: new Date(row.expires_at) }
      : null;
  },
  async renew(stale, renew) {
    return db.transaction().execute(async (trx) => {
      // Take the row (or, before the first refresh, a transaction-wide lock) so only one process spends the refresh token.
      await sql`select pg_advisory_xact_lock(hashtext('zalo_tokens'))`.execute(trx);
      const row = await trx.selectFrom('zalo_tokens').selectAll().where('id', '=', 1).executeTakeFirst();
      if (row && row.access_token !== stale && new Date(row.expires_at).getTime() > Date.now()) {
        return { accessToken: row.access_token, refreshToken: row.refresh_token, expiresAt: new Date(row.expires_at) };
      }
      const refreshToken = row?.refresh_token ?? env().ZALO_REFRESH_TOKEN ?? '';
      const next: ZaloTokens = await renew(refreshToken);
      await trx
        .insertInto('zalo_tokens')
        .values({ id: 1, access_token: next.accessToken, refresh_token: next.refreshToken, expires_at: next.expiresAt })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            access_token: next.accessToken,
            refresh_token: next.refreshToken,
            expires_at: next.expiresAt,
            updated_at: new Date(),
          }),
        )
        .execute();
      return next;
    });
  },
};

/** The SMS provider from the environment, or null (then SMS goes to the log). */
export function smsProviderFromEnv(source: EnvSource = process.env): SmsProvider | null {
  const settings = env(source);
  if (!settings.ESMS_API_KEY || !settings.ESMS_SECRET_KEY) return null;
  return esmsProvider({
    apiKey: settings.ESMS_API_KEY,
    secretKey: settings.ESMS_SECRET_KEY,
    brandname: settings.ESMS_BRANDNAME,
    baseUrl: settings.ESMS_API_BASE,
    sandbox: settings.ESMS_SANDBOX,
  });
}

export function zaloFromEnv(source: EnvSource = process.env, store: ZaloTokenStore = dbZaloTokenStore) {
  const settings = env(source);
  if (!settings.ZALO_APP_ID || !settings.ZALO_APP_SECRET) return null;
  return zaloClient(
    {
      appId: settings.ZALO_APP_ID,
      appSecret: settings.ZALO_APP_SECRET,
      apiBase: settings.ZALO_ZNS_API_BASE,
      oauthBase: settings.ZALO_OAUTH_BASE,
    },
    store,
  );
}

/**
 * Zalo template ids per kind of message, from ZALO_TEMPLATES ("otp=123456,order=234567"):
 * Zalo approves each template beforehand; a kind without one is not sent by Zalo.
 */
export function zaloTemplates(source: EnvSource = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (env(source).ZALO_TEMPLATES ?? '').split(',')) {
    const [kind, id] = pair.split('=').map((s) => s.trim());
    if (kind && id && /^\d+$/.test(id)) out[kind] = id;
  }
  return out;
}

/** Sends one SMS now (the caller is a job or a code request); throws SmsError. */
export async function sendSms(message: SmsMessage, provider: SmsProvider | null = smsProviderFromEnv()) {
  if (!provider) {
    log.info('sms (no ESMS_API_KEY: written to the log)', {
      to: message.to,
      text: message.text,
      requestId: message.requestId,
    });
    return { providerId: 'log' };
  }
  return provider.send(message);
}

/** Sends one Zalo template message now; throws SmsError. */
export async function sendZalo(message: ZnsMessage, client: ReturnType<typeof zaloClient> | null = zaloFromEnv()) {
  if (!client) {
    log.info('zalo (no ZALO_APP_ID: written to the log)', {
      to: message.to,
      templateId: message.templateId,
      params: message.params,
      trackingId: message.trackingId,
    });
    return { providerId: 'log' };
  }
  return client.send(message);
}
