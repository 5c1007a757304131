import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { checkCode, codeLimits, requestCode } from '../app/modules/accounts/phone-codes.server';
import { startEsmsServer } from './support/sms-servers';

// Every limit of the phone codes (issue 14, step 2), with the real eSMS client
// against the local fake: the code is read from the message the fake received.

let esms: Awaited<ReturnType<typeof startEsmsServer>>;
const saved = { ...process.env };
beforeAll(async () => {
  esms = await startEsmsServer();
  Object.assign(process.env, esms.env);
});
afterAll(async () => {
  process.env = saved;
  await esms.close();
});
beforeEach(async () => {
  await db.deleteFrom('otp_challenges').execute();
});

let n = 0;
const freshPhone = () => `+8491${String(1000000 + ++n).slice(-7)}`;
const ask = (phone: string, clientAddress = `10.0.0.${n}`) =>
  requestCode({ phone, purpose: 'signup', channel: 'sms', clientAddress, locale: 'vi' });
const codeSentTo = (phone: string) => {
  const msg = esms.messages.filter((m) => m.Phone === phone.replace('+84', '0')).at(-1);
  return msg?.Content.match(/\b(\d{6})\b/)?.[1] ?? null;
};
// Moves a number's codes back in time, as if they had been asked for earlier.
const age = (phone: string, seconds: number) =>
  db
    .updateTable('otp_challenges')
    .set({ created_at: sql`created_at - make_interval(secs => ${seconds})` } as never)
    .where('phone', '=', phone)
    .execute();

describe('sending a code', () => {
  it('sends 6 digits by SMS, stores only a hash, and says that staff never ask for it, with the lesson', async () => {
    const phone = freshPhone();
    const r = await ask(phone);
    expect(r.ok).toBe(true);
    const code = codeSentTo(phone)!;
    expect(code).toMatch(/^\d{6}$/);
    const msg = esms.messages.at(-1)!.Content;
    expect(msg).toContain('KHÔNG BAO GIỜ hỏi mã này');
    expect(msg).toContain('/learn/bao-ve-thong-tin/never-share-otp');
    const rows = await db.selectFrom('otp_challenges').selectAll().where('phone', '=', phone).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('in English for an English reader', async () => {
    const phone = freshPhone();
    await requestCode({ phone, purpose: 'reset', channel: 'sms', clientAddress: '10.1.1.1', locale: 'en' });
    expect(esms.messages.at(-1)!.Content).toMatch(/Sen staff will NEVER ask for this code/);
  });

  it('at most one code a minute per number', async () => {
    const phone = freshPhone();
    expect((await ask(phone)).ok).toBe(true);
    const again = await ask(phone);
    expect(again).toMatchObject({ ok: false, problem: 'tooSoon' });
    expect(again.ok === false && again.retryAfterSeconds).toBeGreaterThan(50);
    await age(phone, codeLimits.resendSeconds + 1);
    expect((await ask(phone)).ok).toBe(true);
  });

  it('at most 5 codes a day per number, from any address', async () => {
    const phone = freshPhone();
    for (let i = 0; i < codeLimits.perNumberPerDay; i++) {
      expect((await ask(phone, `10.2.0.${i}`)).ok).toBe(true);
      await age(phone, 120);
    }
    expect(await ask(phone, '10.2.1.1')).toMatchObject({ ok: false, problem: 'numberDailyLimit' });
    // A day later she may ask again.
    await age(phone, 86400);
    expect((await ask(phone, '10.2.1.1')).ok).toBe(true);
  });

  it('at most 20 codes a day per client address, whatever the numbers', async () => {
    const address = '10.3.0.1';
    for (let i = 0; i < codeLimits.perAddressPerDay; i++) expect((await ask(freshPhone(), address)).ok).toBe(true);
    expect(await ask(freshPhone(), address)).toMatchObject({ ok: false, problem: 'addressDailyLimit' });
  });

  it('a flood of parallel requests for one number sends one code', async () => {
    const phone = freshPhone();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => ask(phone, `10.4.0.${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.selectFrom('otp_challenges').select('id').where('phone', '=', phone).execute()).toHaveLength(1);
  });

  it('a code the provider refuses is void, and she is told to try again', async () => {
    const phone = freshPhone();
    esms.failNext({ code: '104' });
    expect(await ask(phone)).toMatchObject({ ok: false, problem: 'notSent' });
    const row = await db
      .selectFrom('otp_challenges')
      .select(sql<boolean>`expires_at <= now()`.as('dead'))
      .where('phone', '=', phone)
      .executeTakeFirstOrThrow();
    expect(row.dead).toBe(true);
  });
});

describe('checking a code', () => {
  async function sent() {
    const phone = freshPhone();
    const r = await ask(phone);
    if (!r.ok) throw new Error(r.problem);
    return { phone, id: r.challengeId, code: codeSentTo(phone)! };
  }
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('the right code, typed with spaces or full-width digits, works once', async () => {
    const c = await sent();
    const typed =
      c.code.slice(0, 3) + ' ' + c.code.slice(3).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(await checkCode(c.id, 'signup', typed)).toEqual({ ok: true, phone: c.phone, pending: null });
    expect(await checkCode(c.id, 'signup', c.code)).toEqual({ ok: false, problem: 'used' });
  });

  it('is only for its purpose', async () => {
    const c = await sent();
    expect(await checkCode(c.id, 'reset', c.code)).toMatchObject({ ok: false, problem: 'unknown' });
  });

  it('5 wrong tries and the code is dead, even the right one after', async () => {
    const c = await sent();
    for (let i = 1; i < codeLimits.maxTries; i++)
      expect(await checkCode(c.id, 'signup', wrong(c.code))).toEqual({
        ok: false,
        problem: 'wrong',
        triesLeft: codeLimits.maxTries - i,
      });
    expect(await checkCode(c.id, 'signup', wrong(c.code))).toEqual({ ok: false, problem: 'tooManyTries' });
    expect(await checkCode(c.id, 'signup', c.code)).toEqual({ ok: false, problem: 'tooManyTries' });
  });

  it('expires after 5 minutes', async () => {
    const c = await sent();
    await db
      .updateTable('otp_challenges')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', c.id)
      .execute();
    expect(await checkCode(c.id, 'signup', c.code)).toEqual({ ok: false, problem: 'expired' });
  });

  it('two tabs racing with the right code: one wins', async () => {
    const c = await sent();
    const results = await Promise.all([
      checkCode(c.id, 'signup', c.code),
      checkCode(c.id, 'signup', c.code),
      checkCode(c.id, 'signup', c.code),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('parallel guesses cannot get more than 5 tries', async () => {
    const c = await sent();
    const guesses = Array.from({ length: 12 }, (_, i) => String((Number(c.code) + 1 + i) % 1_000_000).padStart(6, '0'));
    await Promise.all(guesses.map((g) => checkCode(c.id, 'signup', g)));
    const row = await db
      .selectFrom('otp_challenges')
      .select('attempts')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(codeLimits.maxTries);
    expect(await checkCode(c.id, 'signup', c.code)).toEqual({ ok: false, problem: 'tooManyTries' });
  });
});
