import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import {
  sendSms,
  sendZalo,
  SmsError,
  smsProviderFromEnv,
  zaloFromEnv,
  zaloTemplates,
} from '../app/modules/sms/index.server';
import { startEsmsServer, startZaloServer } from './support/sms-servers';

// The real HTTP clients against local fakes of eSMS.vn and Zalo ZNS (issue 14, step 3).

let esms: Awaited<ReturnType<typeof startEsmsServer>>;
let zalo: Awaited<ReturnType<typeof startZaloServer>>;
beforeAll(async () => {
  esms = await startEsmsServer();
  zalo = await startZaloServer();
});
afterAll(async () => {
  await esms.close();
  await zalo.close();
});

const caught = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error as SmsError;
  }
  throw new Error('expected a refusal');
};

describe('SMS by eSMS.vn', () => {
  it('sends a Vietnamese text with the brandname, to the national number, with its request id', async () => {
    const provider = smsProviderFromEnv(esms.env)!;
    const sent = await sendSms({ to: '+84912345678', text: 'Mã Sen của bạn: 123456', requestId: 'otp-1' }, provider);
    expect(sent.providerId).toMatch(/^sms-/);
    expect(esms.messages.at(-1)).toMatchObject({
      Phone: '0912345678',
      Content: 'Mã Sen của bạn: 123456',
      Brandname: 'SEN',
      SmsType: '2',
      IsUnicode: '1',
      RequestId: 'otp-1',
    });
  });

  it('does not send a retried message twice (same request id)', async () => {
    const provider = smsProviderFromEnv(esms.env)!;
    const before = esms.messages.length;
    await sendSms({ to: '+84912345679', text: 'x', requestId: 'dup-1' }, provider);
    const error = await caught(sendSms({ to: '+84912345679', text: 'x', requestId: 'dup-1' }, provider));
    expect(error).toBeInstanceOf(SmsError);
    expect(error.code).toBe('124');
    expect(esms.messages.length).toBe(before + 1);
  });

  it.each([
    [{ code: '104' }, '104', false], // brandname not registered
    [{ code: '99' }, '99', true], // unknown error at eSMS
    [{ http: 429 }, 'http_429', true], // rate limited
    [{ http: 503 }, 'http_503', true],
  ])('answers %j as a refusal with code %s (retryable: %s)', async (failure, code, retryable) => {
    esms.failNext(failure);
    const error = await caught(
      sendSms({ to: '+84912345678', text: 'x', requestId: `f-${code}` }, smsProviderFromEnv(esms.env)),
    );
    expect(error).toMatchObject({ provider: 'esms', code, retryable });
  });

  it('refuses wrong credentials and a number it cannot reach', async () => {
    const wrong = smsProviderFromEnv({ ...esms.env, ESMS_SECRET_KEY: 'nope' });
    expect(await caught(sendSms({ to: '+84912345678', text: 'x', requestId: 'w1' }, wrong))).toMatchObject({
      code: '101',
      retryable: false,
    });
    expect(
      await caught(sendSms({ to: '+8562055123456', text: 'x', requestId: 'w2' }, smsProviderFromEnv(esms.env))),
    ).toMatchObject({ code: '789', retryable: false });
  });

  it('without credentials writes to the log and sends nothing', async () => {
    expect(smsProviderFromEnv({})).toBeNull();
    const before = esms.messages.length;
    expect(await sendSms({ to: '+84912345678', text: 'dev', requestId: 'l1' }, null)).toEqual({ providerId: 'log' });
    expect(esms.messages.length).toBe(before);
  });
});

describe('Zalo ZNS', () => {
  beforeEach(async () => {
    await db.deleteFrom('zalo_tokens').execute();
  });

  it('gets an access token with the refresh token, sends the template with its parameters, and keeps the next refresh token', async () => {
    const client = zaloFromEnv(zalo.env)!;
    // Before the first refresh, the refresh token comes from ZALO_REFRESH_TOKEN.
    process.env.ZALO_REFRESH_TOKEN = zalo.currentRefreshToken();
    const sent = await sendZalo(
      {
        to: '+84912345678',
        templateId: '234567',
        params: { order_code: 'SEN-1', customer_name: 'Mai' },
        trackingId: 'n-1',
      },
      client,
    );
    expect(sent.providerId).toMatch(/^zns-/);
    expect(zalo.messages.at(-1)).toMatchObject({
      phone: '84912345678',
      template_id: '234567',
      template_data: { order_code: 'SEN-1', customer_name: 'Mai' },
      tracking_id: 'n-1',
      accessToken: 'access-1',
    });
    const row = await db.selectFrom('zalo_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ access_token: 'access-1', refresh_token: 'refresh-1' });
    // The stored token is used while valid: no second refresh.
    await sendZalo({ to: '+84912345678', templateId: '234567', params: {}, trackingId: 'n-2' }, client);
    expect(zalo.refreshes).toEqual(['refresh-0']);
    expect(zalo.currentRefreshToken()).toBe('refresh-1');

    // Expired early: one refresh with the kept refresh token, then the message goes.
    zalo.expireTokens();
    await sendZalo({ to: '+84912345678', templateId: '234567', params: {}, trackingId: 'n-3' }, client);
    expect(zalo.refreshes).toEqual(['refresh-0', 'refresh-1']);
    expect(zalo.messages.at(-1)).toMatchObject({ tracking_id: 'n-3', accessToken: 'access-2' });
  });

  it('two workers whose token expired together spend the refresh token once', async () => {
    await db
      .insertInto('zalo_tokens')
      .values({
        id: 1,
        access_token: 'dead',
        refresh_token: zalo.currentRefreshToken(),
        expires_at: new Date(Date.now() - 1000),
      })
      .execute();
    const before = zalo.refreshes.length;
    const client = zaloFromEnv(zalo.env)!;
    const client2 = zaloFromEnv(zalo.env)!;
    await Promise.all(
      [1, 2, 3].map((i) =>
        sendZalo(
          { to: '+84912345678', templateId: '1', params: {}, trackingId: `race-${i}` },
          i === 2 ? client2 : client,
        ),
      ),
    );
    expect(zalo.refreshes.length).toBe(before + 1);
  });

  it.each([
    [-1123, false], // template not approved / rejected
    [-108, false], // phone number invalid
    [-32, true], // OA rate limit
    [429, true],
  ])('answers Zalo error %s as a refusal (retryable: %s)', async (code, retryable) => {
    await db
      .insertInto('zalo_tokens')
      .values({ id: 1, access_token: 'dead', refresh_token: zalo.currentRefreshToken(), expires_at: new Date(0) })
      .execute();
    zalo.failNext(code);
    const error = await caught(
      sendZalo({ to: '+84912345678', templateId: '1', params: {}, trackingId: `e${code}` }, zaloFromEnv(zalo.env)!),
    );
    expect(error).toMatchObject({ provider: 'zalo', retryable });
  });

  it('a refused refresh token is reported, not retried', async () => {
    await db
      .insertInto('zalo_tokens')
      .values({ id: 1, access_token: 'dead', refresh_token: 'stolen', expires_at: new Date(0) })
      .execute();
    const error = await caught(
      sendZalo({ to: '+84912345678', templateId: '1', params: {}, trackingId: 'bad' }, zaloFromEnv(zalo.env)!),
    );
    expect(error).toMatchObject({ provider: 'zalo', code: 'refresh_-14014', retryable: false });
  });

  it('reads template ids per kind and logs without credentials', async () => {
    expect(zaloTemplates({ ZALO_TEMPLATES: 'otp=123456, order=234567,bad=x' })).toEqual({
      otp: '123456',
      order: '234567',
    });
    expect(zaloFromEnv({})).toBeNull();
    expect(await sendZalo({ to: '+84912345678', templateId: '1', params: {}, trackingId: 'l' }, null)).toEqual({
      providerId: 'log',
    });
  });
});
