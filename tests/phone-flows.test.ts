import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getUser } from '../app/lib/auth.server';
import { languageCookie, translatorFor } from '../app/lib/i18n.server';
import { logIn } from '../app/modules/accounts/accounts.server';
import * as signup from '../app/routes/signup';
import * as oldPhoneSignup from '../app/routes/signup_.phone';
import * as forgot from '../app/routes/forgot-password';
import * as resetCode from '../app/routes/reset-password_.code';
import * as contact from '../app/routes/account_.contact';
import * as emailConfirm from '../app/routes/account_.email.confirm';
import { context, createTestUser, formRequest, getRequest, payload, statusOf, testPassword } from './support/fixtures';
import { startEsmsServer } from './support/sms-servers';

// Account flows by phone (issue 14): the one sign-up form, a forgotten
// password reset by a code to the phone, a new number on /account (password +
// code to the new number), and an email added later. The real eSMS client
// talks to the local fake; codes are read from the messages it received.

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

type Fn<T> = (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof context> }) => T;
// Each request from its own client address unless told: the per-address daily limit is tested on its own.
let n = 0;
const address = () => `198.51.100.${(++n % 250) + 1}-${Math.random().toString(36).slice(2, 6)}`;
async function run<T>(fn: Fn<Promise<T> | T>, request: Request, clientAddress = address()) {
  try {
    return await fn({ request, params: {}, context: context({ clientAddress }) });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
const freshPhone = () => `+8491${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
const national = (e164: string) => `0${e164.slice(3)}`;
const smsTo = (e164: string) => esms.messages.filter((m) => m.Phone === national(e164));
const codeSentTo = (e164: string) =>
  smsTo(e164)
    .at(-1)
    ?.Content.match(/\b(\d{6})\b/)?.[1] ?? null;
const locationOf = (r: unknown) => (r instanceof Response ? r.headers.get('location') : null);
const challengeOf = (r: unknown) => new URL(locationOf(r)!, 'http://x').searchParams.get('challenge')!;
const newPassword = 'mot mat khau moi rat dai';

/** An account with a confirmed phone (and an email, as createTestUser makes them). */
async function userWithPhone(options: { email?: boolean } = {}) {
  const user = await createTestUser();
  const phone = freshPhone();
  await db
    .updateTable('users')
    .set({ phone, phone_confirmed_at: new Date(), ...(options.email === false ? { email: null } : {}) })
    .where('id', '=', user.id)
    .execute();
  return { ...user, phone };
}

const signupForm = (extra: Record<string, string>) => ({
  displayName: 'Hoa',
  password: 'mot cau rat dai va de nho',
  locale: 'vi',
  agree: 'on',
  ...extra,
});

describe('one sign-up form: phone number or email', () => {
  it('offers the phone first in Vietnamese, email first in English, and either when asked', async () => {
    expect(await run(signup.loader, getRequest('/signup'))).toEqual({ by: 'phone' });
    expect(await run(signup.loader, getRequest('/signup?by=email'))).toEqual({ by: 'email' });
    const english = (await languageCookie.serialize('en')).split(';')[0]!;
    expect(await run(signup.loader, getRequest('/signup', { cookie: english }))).toEqual({ by: 'email' });
    expect(await run(signup.loader, getRequest('/signup?by=phone', { cookie: english }))).toEqual({
      by: 'phone',
    });
    // The old address of the phone form leads to the one form.
    expect(locationOf(await run(oldPhoneSignup.loader, getRequest('/signup/phone')))).toBe('/signup?by=phone');
  });

  it('by phone: a code by SMS, no account until it is typed; by email: a link, as before', async () => {
    const phone = freshPhone();
    const asked = await run(
      signup.action,
      formRequest('/signup', signupForm({ by: 'phone', phone: national(phone), channel: 'sms' })),
    );
    expect(locationOf(asked)).toMatch(/^\/signup\/phone\/code\?challenge=/);
    expect(codeSentTo(phone)).toMatch(/^\d{6}$/);
    expect(await db.selectFrom('users').select('id').where('phone', '=', phone).execute()).toEqual([]);

    const email = `flows-${Date.now()}@sen.test`;
    const byEmail = await run(signup.action, formRequest('/signup', signupForm({ by: 'email', email })));
    expect(locationOf(byEmail)).toBe('/login?notice=notice.signupSent');
    expect(await db.selectFrom('signup_requests').select('email').where('email', '=', email).execute()).toHaveLength(1);
  });

  it('both ways share the rules of the fields: a contact in the name is refused by phone too', async () => {
    const result = await run(
      signup.action,
      formRequest(
        '/signup',
        signupForm({
          by: 'phone',
          phone: national(freshPhone()),
          channel: 'sms',
          displayName: 'Hoa zalo 0912 345 678',
        }),
      ),
    );
    expect(statusOf(result)).toBe(400);
    expect(payload(result).errors.displayName).toBe('validation.nameContact');
    expect(payload(result).values.by).toBe('phone');
  });

  it.each([
    ['0912abc678', 'phone.problem.invalid'],
    ['123456789012345678901234567890', 'phone.problem.invalid'],
    ['+856 20 5512 3456', 'phone.problem.country'],
    ['🌸 0912 345 678', 'phone.problem.invalid'],
    ['024 3826 1234', 'phone.problem.landline'],
  ])('refuses %s, keeps what she typed, creates nothing', async (typed, key) => {
    const before = await db
      .selectFrom('otp_challenges')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const result = await run(
      signup.action,
      formRequest('/signup', signupForm({ by: 'phone', phone: typed, channel: 'zalo' })),
    );
    expect(statusOf(result)).toBe(400);
    expect(payload(result).errors).toEqual({ phone: key });
    expect(payload(result).values).toMatchObject({ phone: typed, channel: 'zalo', by: 'phone' });
    expect(payload(result).values.password).toBeUndefined();
    const after = await db
      .selectFrom('otp_challenges')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('takes another country when PHONE_COUNTRIES allows it', async () => {
    process.env.PHONE_COUNTRIES = 'VN,LA';
    try {
      const result = await run(
        signup.action,
        formRequest('/signup', signupForm({ by: 'phone', phone: '+856 20 5512 3456', channel: 'sms' })),
      );
      // The number passes the rule; the fake eSMS (Vietnam only, as eSMS is) refuses it: the code is void, she is told, nothing is created.
      expect(statusOf(result)).toBe(503);
      expect(payload(result).errors).toEqual({ form: 'phone.limit.notSent' });
      expect(await db.selectFrom('users').select('id').where('phone', '=', '+8562055123456').execute()).toEqual([]);
    } finally {
      delete process.env.PHONE_COUNTRIES;
    }
  });

  it('a flood of "send code" is HTTP 429 with Retry-After and a message in her language', async () => {
    const phone = freshPhone();
    const from = address();
    const form = signupForm({ by: 'phone', phone: national(phone), channel: 'sms' });
    expect(statusOf(await run(signup.action, formRequest('/signup', form), from))).toBe(302);
    const again = await run(signup.action, formRequest('/signup', form), from);
    expect(statusOf(again)).toBe(429);
    expect(payload(again).errors.form).toBe('phone.limit.tooSoon');
    expect(
      Number((again as { init: { headers: Record<string, string> } }).init.headers['Retry-After']),
    ).toBeGreaterThan(0);
    expect(translatorFor('vi')('phone.limit.tooSoon')).toMatch(/phút/);
    expect(translatorFor('en')('phone.limit.tooSoon')).toMatch(/minute/);
    expect(smsTo(phone)).toHaveLength(1);
  });
});

describe('a forgotten password, by a code to the phone', () => {
  const forgotFor = (identifier: string, from = address()) =>
    run(forgot.action, formRequest('/forgot-password', { email: identifier, channel: 'sms' }), from);

  it('the code and a new password set it, sign her out everywhere, and the code works once', async () => {
    const user = await userWithPhone({ email: false });
    const asked = await forgotFor('84-' + national(user.phone).slice(1));
    expect(locationOf(asked)).toMatch(/^\/reset-password\/code\?challenge=/);
    const challenge = challengeOf(asked);
    const code = codeSentTo(user.phone)!;
    expect(code).toMatch(/^\d{6}$/);
    expect(smsTo(user.phone).at(-1)!.Content).toMatch(/KHÔNG BAO GIỜ/);

    const done = await run(
      resetCode.action,
      formRequest('/reset-password/code', { challenge, code, password: newPassword }),
    );
    expect(locationOf(done)).toBe('/login?notice=notice.passwordReset');
    expect(await getUser(getRequest('/', { cookie: user.cookie }))).toBeNull();
    expect((await logIn(user.phone, newPassword, address())).status).toBe('ok');
    expect((await logIn(user.phone, testPassword, address())).status).toBe('invalid');

    const reused = await run(
      resetCode.action,
      formRequest('/reset-password/code', { challenge, code, password: 'mot mat khau khac nua nhe' }),
    );
    expect(payload(reused).errors).toEqual({ form: 'phoneAccount.reset.used' });
    expect((await logIn(user.phone, newPassword, address())).status).toBe('ok');
  });

  it('a number without an account gets the same answer, no message, and no code can work', async () => {
    const phone = freshPhone();
    const asked = await forgotFor(national(phone));
    expect(locationOf(asked)).toMatch(/^\/reset-password\/code\?challenge=/);
    expect(smsTo(phone)).toEqual([]);
    const guess = await run(
      resetCode.action,
      formRequest('/reset-password/code', { challenge: challengeOf(asked), code: '123456', password: newPassword }),
    );
    expect(payload(guess).errors).toEqual({ code: 'phone.code.wrong' });
    // And the limits count it the same: a second request within the minute is 429, as for a real account.
    const again = await forgotFor(national(phone));
    expect(statusOf(again)).toBe(429);
    expect(payload(again).errors.form).toBe('phone.limit.tooSoon');
  });

  it('an email still gets the link', async () => {
    const user = await createTestUser();
    expect(locationOf(await forgotFor(user.email))).toBe('/login?notice=notice.resetSent');
  });

  it('a weak new password is refused before the code is spent', async () => {
    const user = await userWithPhone();
    const challenge = challengeOf(await forgotFor(national(user.phone)));
    const code = codeSentTo(user.phone)!;
    const weak = await run(resetCode.action, formRequest('/reset-password/code', { challenge, code, password: '123' }));
    expect(statusOf(weak)).toBe(400);
    expect(payload(weak).errors.password).toBeTruthy();
    const done = await run(
      resetCode.action,
      formRequest('/reset-password/code', { challenge, code, password: newPassword }),
    );
    expect(locationOf(done)).toBe('/login?notice=notice.passwordReset');
  });

  it('guessed 6 times: the 5 wrong tries kill the code, even the right one after; 429', async () => {
    const user = await userWithPhone();
    const challenge = challengeOf(await forgotFor(national(user.phone)));
    const code = codeSentTo(user.phone)!;
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(
        payload(
          await run(
            resetCode.action,
            formRequest('/reset-password/code', { challenge, code: wrong, password: newPassword }),
          ),
        ).errors,
      );
    expect(answers.slice(0, 3)).toEqual([
      { code: 'phone.code.wrong' },
      { code: 'phone.code.wrong' },
      { code: 'phone.code.wrong' },
    ]);
    expect(answers[3]).toEqual({ code: 'phone.code.wrongLast' });
    expect(answers[4]).toEqual({ form: 'phone.code.tooManyTries' });
    const sixth = await run(
      resetCode.action,
      formRequest('/reset-password/code', { challenge, code, password: newPassword }),
    );
    expect(statusOf(sixth)).toBe(429);
    expect(payload(sixth).errors).toEqual({ form: 'phone.code.tooManyTries' });
    expect((await logIn(user.phone, testPassword, address())).status).toBe('ok');
  });

  it('an expired code is refused', async () => {
    const user = await userWithPhone();
    const challenge = challengeOf(await forgotFor(national(user.phone)));
    await db
      .updateTable('otp_challenges')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', challenge)
      .execute();
    const late = await run(
      resetCode.action,
      formRequest('/reset-password/code', { challenge, code: codeSentTo(user.phone)!, password: newPassword }),
    );
    expect(payload(late).errors).toEqual({ form: 'phone.code.expired' });
  });

  it('two tabs with the right code: exactly one sets its password', async () => {
    const user = await userWithPhone();
    const challenge = challengeOf(await forgotFor(national(user.phone)));
    const code = codeSentTo(user.phone)!;
    const passwords = ['la mat khau cua tab mot', 'la mat khau cua tab hai'];
    const results = await Promise.all(
      passwords.map((password) =>
        run(resetCode.action, formRequest('/reset-password/code', { challenge, code, password })),
      ),
    );
    expect(results.filter((r) => locationOf(r) === '/login?notice=notice.passwordReset')).toHaveLength(1);
    const winner = passwords[results.findIndex((r) => locationOf(r) === '/login?notice=notice.passwordReset')]!;
    expect((await logIn(user.phone, winner, address())).status).toBe('ok');
  });

  it("reset codes and sign-up codes share one number's daily limit (one code module)", async () => {
    const user = await userWithPhone();
    for (let i = 0; i < 5; i++) {
      await db
        .updateTable('otp_challenges')
        .set({ created_at: sql<Date>`created_at - interval '2 minutes'` } as never)
        .where('phone', '=', user.phone)
        .execute();
      const r =
        i % 2
          ? await forgotFor(national(user.phone))
          : await run(
              signup.action,
              formRequest('/signup', signupForm({ by: 'phone', phone: national(user.phone), channel: 'sms' })),
            );
      expect(statusOf(r)).toBe(302);
    }
    await db
      .updateTable('otp_challenges')
      .set({ created_at: sql<Date>`created_at - interval '2 minutes'` } as never)
      .where('phone', '=', user.phone)
      .execute();
    const sixth = await forgotFor(national(user.phone));
    expect(statusOf(sixth)).toBe(429);
    expect(payload(sixth).errors.form).toBe('phone.limit.numberDailyLimit');
  });
});

describe('a new phone number on /account', () => {
  const ask = (cookie: string, phone: string, password = testPassword) =>
    run(
      contact.action,
      formRequest('/account/contact', { intent: 'phone', phone, channel: 'sms', password }, { cookie }),
    );
  const confirm = (cookie: string, challenge: string, code: string) =>
    run(contact.action, formRequest('/account/contact', { intent: 'phoneCode', challenge, code }, { cookie }));
  const phoneOf = async (id: string) =>
    (await db.selectFrom('users').select('phone').where('id', '=', id).executeTakeFirstOrThrow()).phone;

  it('needs her password; the code goes to the NEW number; the old one stays until the code is typed', async () => {
    const user = await userWithPhone();
    const next = freshPhone();
    const refused = await ask(user.cookie, national(next), 'not her password');
    expect(payload(refused).errors).toEqual({ password: 'accounts.password.currentWrong' });
    expect(smsTo(next)).toEqual([]);

    const asked = await ask(user.cookie, national(next));
    expect(locationOf(asked)).toMatch(/^\/account\/contact\?challenge=/);
    const challenge = challengeOf(asked);
    expect(smsTo(user.phone)).toEqual([]);
    const page = (await run(
      contact.loader,
      getRequest(`/account/contact?challenge=${challenge}`, { cookie: user.cookie }),
    )) as { change: { phone: string } };
    expect(page.change.phone).toBe(national(next).replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3'));
    expect(await phoneOf(user.id)).toBe(user.phone);

    const done = await confirm(user.cookie, challenge, codeSentTo(next)!);
    expect(locationOf(done)).toBe('/account/contact?notice=notice.phoneChanged');
    expect(await phoneOf(user.id)).toBe(next);
    expect((await logIn(next, testPassword, address())).status).toBe('ok');
    expect((await logIn(user.phone, testPassword, address())).status).toBe('invalid');
  });

  it("another person's code for a change cannot be used, even the right one", async () => {
    const [alice, eve] = await Promise.all([userWithPhone(), userWithPhone()]);
    const next = freshPhone();
    const challenge = challengeOf(await ask(alice.cookie, national(next)));
    const stolen = await confirm(eve.cookie, challenge, codeSentTo(next)!);
    expect(payload(stolen).errors).toEqual({ form: 'phone.code.unknown' });
    expect(await phoneOf(eve.id)).toBe(eve.phone);
  });

  it('two accounts confirming the same new number at once: the unique constraint lets exactly one have it', async () => {
    const [a, b] = await Promise.all([userWithPhone(), userWithPhone()]);
    const next = freshPhone();
    const first = challengeOf(await ask(a.cookie, national(next)));
    const firstCode = codeSentTo(next)!;
    // The second request for the number comes a minute later (one code a minute per number).
    await db
      .updateTable('otp_challenges')
      .set({ created_at: sql<Date>`created_at - interval '2 minutes'` } as never)
      .where('phone', '=', next)
      .execute();
    const second = challengeOf(await ask(b.cookie, national(next)));
    const secondCode = codeSentTo(next)!;
    const results = await Promise.all([confirm(a.cookie, first, firstCode), confirm(b.cookie, second, secondCode)]);
    const won = results.map((r) => locationOf(r) === '/account/contact?notice=notice.phoneChanged');
    expect(won.filter(Boolean)).toHaveLength(1);
    const loser = results[won.indexOf(false)];
    expect(statusOf(loser)).toBe(409);
    expect(payload(loser).errors).toEqual({ form: 'phoneAccount.change.taken' });
    const phones = [await phoneOf(a.id), await phoneOf(b.id)];
    expect(phones.filter((p) => p === next)).toHaveLength(1);
    expect(phones).toContain(won[0] ? b.phone : a.phone);
  });

  it('refuses bad numbers and her own number', async () => {
    const user = await userWithPhone();
    expect(payload(await ask(user.cookie, 'không chín một hai 🌸')).errors).toEqual({ phone: 'phone.problem.invalid' });
    expect(payload(await ask(user.cookie, '+1 415 555 2671')).errors).toEqual({ phone: 'phone.problem.country' });
    expect(payload(await ask(user.cookie, national(user.phone))).errors).toEqual({ phone: 'phoneAccount.change.same' });
  });

  it('is only for a signed-in person', async () => {
    const anonymous = await run(contact.loader, getRequest('/account/contact'));
    expect(locationOf(anonymous)).toMatch(/^\/login/);
  });
});

describe('an email added later, confirmed by a link', () => {
  const addEmail = (cookie: string, email: string) =>
    run(contact.action, formRequest('/account/contact', { intent: 'email', email }, { cookie }));
  const linkTo = async (email: string) => {
    const mail = await db
      .selectFrom('outbox_emails')
      .select('body')
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return new URL(/https?:\/\/\S+\/account\/email\/confirm\?token=[\w-]+/.exec(mail.body)![0]).searchParams.get(
      'token',
    )!;
  };

  it('the link makes the address hers, once; nothing changes before it is opened', async () => {
    const user = await userWithPhone({ email: false });
    const email = `added-${Date.now()}@sen.test`;
    expect(locationOf(await addEmail(user.cookie, ` ${email.toUpperCase()} `))).toBe(
      '/account/contact?notice=notice.emailLinkSent',
    );
    expect(
      (await db.selectFrom('users').select('email').where('id', '=', user.id).executeTakeFirstOrThrow()).email,
    ).toBeNull();
    const token = await linkTo(email);
    expect(await run(emailConfirm.loader, getRequest(`/account/email/confirm?token=${token}`))).toEqual({
      token,
      email,
    });
    const done = await run(
      emailConfirm.action,
      formRequest('/account/email/confirm', { token }, { cookie: user.cookie }),
    );
    expect(locationOf(done)).toBe('/account/contact?notice=notice.emailAdded');
    expect(
      (await db.selectFrom('users').select('email').where('id', '=', user.id).executeTakeFirstOrThrow()).email,
    ).toBe(email);
    const again = await run(emailConfirm.action, formRequest('/account/email/confirm', { token }));
    expect(payload(again).errors).toEqual({ form: 'accounts.confirm.invalid' });
  });

  it('an address another account has is refused at the link, and hers stays empty', async () => {
    const other = await createTestUser();
    const user = await userWithPhone({ email: false });
    await addEmail(user.cookie, other.email);
    const result = await run(
      emailConfirm.action,
      formRequest('/account/email/confirm', { token: await linkTo(other.email) }),
    );
    expect(statusOf(result)).toBe(409);
    expect(payload(result).errors).toEqual({ form: 'phoneAccount.email.taken' });
    expect(
      (await db.selectFrom('users').select('email').where('id', '=', user.id).executeTakeFirstOrThrow()).email,
    ).toBeNull();
  });

  it('an account that has an email is told so; a flood of links is 429', async () => {
    const withEmail = await userWithPhone();
    expect(statusOf(await addEmail(withEmail.cookie, 'x@sen.test'))).toBe(409);
    const user = await userWithPhone({ email: false });
    for (let i = 0; i < 3; i++)
      expect(statusOf(await addEmail(user.cookie, `flood${i}-${Date.now()}@sen.test`))).toBe(302);
    const fourth = await addEmail(user.cookie, `flood-last-${Date.now()}@sen.test`);
    expect(statusOf(fourth)).toBe(429);
    expect(payload(fourth).errors.form).toBe('phoneAccount.email.throttled');
    expect(payload(await addEmail(user.cookie, 'not an email')).errors).toEqual({ email: 'validation.email' });
  });
});

describe('one phone-number rule', () => {
  it.each([
    'gọi 0522 912 345 nhé, chuyển khoản trước', // Wintel
    'zalo 055.9123.456 chuyển khoản trước', // Reddi, dots in odd places
    'số 0 8 7 9 1 2 3 4 5 6 chuyển khoản trước', // iTel, every digit apart
    'sdt +84 (0) 33-912-3456 chuyển khoản trước', // Viettel, +84 with the national 0
    'liên hệ 0084 799 123 456 chuyển khoản trước', // MobiFone, 00 prefix
    'số em ٠٣٩٩١٢٣٤٥٦ chuyển khoản trước', // Arabic-Indic digits
    'gọi 09\u200b12\u200b345\u200b678 chuyển khoản trước', // zero-width spaces
    'zalo không tám tám 9123456 chuyển khoản trước', // words then digits
  ])('%s: masked in chat and seen by the detector alike', async (text) => {
    const { maskContacts } = await import('~/modules/messaging/mask');
    const { canonical } = await import('~/modules/safety/detector/normalise');
    expect(maskContacts(text).kinds).toContain('phone');
    expect(canonical(text).text).toContain(' zzphone ');
  });

  it.each(['giá 15.000.000đ chuyển khoản trước', 'hẹn ngày 28.11.2026 nhé', 'mã đơn 12345 nhé'])(
    '%s: neither calls it a phone',
    async (text) => {
      const { maskContacts } = await import('~/modules/messaging/mask');
      const { canonical } = await import('~/modules/safety/detector/normalise');
      expect(maskContacts(text).kinds).not.toContain('phone');
      expect(canonical(text).text).not.toContain('zzphone');
    },
  );

  it('no module but app/lib/phone.ts writes its own Vietnamese phone pattern', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name)) files.push(full);
      }
    };
    walk('app');
    // A +84 or 84 country code, or 9–10 digit runs, written in a regular expression.
    const ownPattern = /\\\+84|\/\^?\(?\??:?0\|84|84\\d|\\d\{9|\[35789\]/;
    const offenders = files.filter(
      (f) => f !== path.join('app', 'lib', 'phone.ts') && ownPattern.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
