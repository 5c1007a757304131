import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getUser, lucia } from '../app/lib/auth.server';
import { appOrigin } from '../app/lib/origin.server';
import { safeRedirect } from '../app/lib/redirect.server';
import * as account from '../app/routes/account';
import * as forgot from '../app/routes/forgot-password';
import * as login from '../app/routes/login';
import * as signup from '../app/routes/signup';
import * as confirm from '../app/routes/signup_.confirm';
import * as cartRoute from '../app/routes/cart';
import * as checkoutRoute from '../app/routes/checkout';
import * as editListing from '../app/routes/dashboard.listings.$id';
import { resetLimits, signupLimits } from '../app/modules/accounts/accounts.server';
import { newAccountLimits } from '../app/modules/orders';
import { isPlainName } from '../app/modules/moderation/screening.server';
import { delivery, sellerWithListing, stockOf } from './support/orders';
import { useCleanDatabase } from './support/clean';
import {
  call,
  context,
  createTestUser,
  formRequest,
  getRequest,
  payload,
  statusOf,
  testPassword,
} from './support/fixtures';

useCleanDatabase();

async function latestEmailTo(address: string) {
  return db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('to_address', '=', address)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

/** A form POST whose Host and Origin are the attacker's, as a forged request carries them. */
function forgedHostRequest(path: string, fields: Record<string, string>) {
  return new Request(new URL(path, 'http://evil.example'), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'http://evil.example',
      Host: 'evil.example',
    },
    body: new URLSearchParams(fields),
  });
}

describe('one public origin (issue 12, point 2)', () => {
  it('a reset requested with Host: evil.example still links to APP_URL', async () => {
    const user = await createTestUser();
    await call(forgot.action, forgedHostRequest('/forgot-password', { email: user.email }));
    const email = await latestEmailTo(user.email);
    const link = /(\S+)\/reset-password\?token=/.exec(email.body);
    expect(link?.[1]).toBe(appOrigin());
    expect(email.body).not.toContain('evil.example');
  });
});

describe('redirects after login (issue 12, point 7)', () => {
  const attacks = [
    '/%09/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\nSet-Cookie: x=1',
    '/%5Cevil.example',
    '/\\evil.example',
    '/%5C%5Cevil.example',
    '/%0a/evil.example',
    '/%0D%0ALocation: http://evil.example',
    '/\u0085/evil.example',
    '/%C2%85/evil.example',
    '/%7F/evil.example',
    '/\u0000/evil.example',
    '//evil.example',
    '///evil.example',
    'https://evil.example/account',
    'evil.example',
    '/%E0%A4%A', // not valid percent-encoding
    `/${'a'.repeat(2100)}`,
  ];

  it.each(attacks.map((to) => [JSON.stringify(to).slice(0, 40), to]))('refuses %s', (_, to) => {
    expect(safeRedirect(to, '/fallback')).toBe('/fallback');
  });

  it('keeps ordinary local paths, Vietnamese queries included', () => {
    expect(safeRedirect('/account')).toBe('/account');
    expect(safeRedirect('/market?q=%C4%91%E1%BB%93%20g%E1%BB%91m#top')).toBe(
      '/market?q=%C4%91%E1%BB%93%20g%E1%BB%91m#top',
    );
    expect(safeRedirect('/market/../orders')).toBe('/orders');
  });

  it('a login with a tab or newline in redirectTo goes home, never 500', async () => {
    const user = await createTestUser();
    for (const redirectTo of ['/\t/evil.example', '/x\r\ny', '/%09/evil.example', '/\\/evil.example']) {
      const response = (await call(
        login.action,
        formRequest('/login', { email: user.email, password: testPassword, redirectTo }),
      )) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/');
    }
  });
});

describe('a password change ends the other sessions (issue 12, point 8)', () => {
  it('keeps the session that changed it and ends every other one', async () => {
    const user = await createTestUser();
    const phone = await lucia.createSession(user.id, {});
    const stolen = await lucia.createSession(user.id, {});
    const response = (await call(
      account.action,
      formRequest(
        '/account',
        { intent: 'password', currentPassword: testPassword, newPassword: 'mot mat khau moi rat dai' },
        { cookie: user.cookie },
      ),
    )) as Response;
    expect(response.status).toBe(302);
    expect(await getUser(getRequest('/', { cookie: user.cookie }))).not.toBeNull();
    expect(await getUser(getRequest('/', { cookie: `sen_session=${phone.id}` }))).toBeNull();
    expect(await getUser(getRequest('/', { cookie: `sen_session=${stolen.id}` }))).toBeNull();
  });

  it('a wrong current password changes nothing and ends nothing', async () => {
    const user = await createTestUser();
    const phone = await lucia.createSession(user.id, {});
    await call(
      account.action,
      formRequest(
        '/account',
        { intent: 'password', currentPassword: 'not the one', newPassword: 'mot mat khau moi rat dai' },
        { cookie: user.cookie },
      ),
    );
    expect(await getUser(getRequest('/', { cookie: `sen_session=${phone.id}` }))).not.toBeNull();
  });
});

/** Runs an action as a request from one client address. */
async function from<T>(
  address: string,
  fn: (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof context> }) => Promise<T>,
  request: Request,
) {
  try {
    return await fn({ request, params: {}, context: context({ clientAddress: address }) });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const emailsTo = async (address: string) =>
  db.selectFrom('outbox_emails').selectAll().where('to_address', '=', address).orderBy('id').execute();

describe('forgotten-password requests are limited (issue 12, point 9)', () => {
  it('one email per address every few minutes, the same for a known and an unknown email', async () => {
    const user = await createTestUser({ locale: 'en' });
    const known = (await from(
      '198.51.100.1',
      forgot.action,
      formRequest('/forgot-password', { email: user.email }),
    )) as Response;
    const unknown = (await from(
      '198.51.100.2',
      forgot.action,
      formRequest('/forgot-password', { email: 'ghost.reader@example.com' }),
    )) as Response;
    expect(known.status).toBe(302);
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get('location')).toBe(known.headers.get('location'));
    // The same work either way: one counted request and one email each.
    expect(await emailsTo(user.email)).toHaveLength(1);
    expect(await emailsTo('ghost.reader@example.com')).toHaveLength(1);

    for (const [address, email] of [
      ['198.51.100.3', user.email],
      ['198.51.100.4', 'ghost.reader@example.com'],
    ]) {
      const again = await from(address, forgot.action, formRequest('/forgot-password', { email }));
      expect(statusOf(again)).toBe(429);
      expect(payload(again).errors).toEqual({ form: 'accounts.forgot.throttled' });
      expect(payload(again).values.email).toBe(email);
    }
    expect(await emailsTo(user.email)).toHaveLength(1);
    expect(
      await db.selectFrom('password_reset_tokens').select('token_hash').where('user_id', '=', user.id).execute(),
    ).toHaveLength(1);
  });

  it(`at most ${resetLimits.perEmail} an hour per email, however spaced`, async () => {
    const user = await createTestUser();
    for (let i = 0; i < resetLimits.perEmail; i++) {
      expect(
        statusOf(
          await from(`198.51.100.${10 + i}`, forgot.action, formRequest('/forgot-password', { email: user.email })),
        ),
      ).toBe(302);
      await db
        .updateTable('password_reset_requests')
        .set({ created_at: sql`created_at - interval '6 minutes'` })
        .execute();
    }
    expect(
      statusOf(await from('198.51.100.20', forgot.action, formRequest('/forgot-password', { email: user.email }))),
    ).toBe(429);
    expect(await emailsTo(user.email)).toHaveLength(resetLimits.perEmail);
    // An hour later she may ask again.
    await db
      .updateTable('password_reset_requests')
      .set({ created_at: sql`created_at - interval '1 hour'` })
      .execute();
    expect(
      statusOf(await from('198.51.100.20', forgot.action, formRequest('/forgot-password', { email: user.email }))),
    ).toBe(302);
  });

  it(`at most ${resetLimits.perAddress} an hour from one client address, across emails`, async () => {
    for (let i = 0; i < resetLimits.perAddress; i++) {
      expect(
        statusOf(
          await from(
            '203.0.113.50',
            forgot.action,
            formRequest('/forgot-password', { email: `spray${i}@example.com` }),
          ),
        ),
      ).toBe(302);
    }
    const user = await createTestUser();
    expect(
      statusOf(await from('203.0.113.50', forgot.action, formRequest('/forgot-password', { email: user.email }))),
    ).toBe(429);
    expect(
      statusOf(await from('203.0.113.51', forgot.action, formRequest('/forgot-password', { email: user.email }))),
    ).toBe(302);
  });

  it('twenty simultaneous requests for one email send one email', async () => {
    const user = await createTestUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        from(`192.0.2.${i + 1}`, forgot.action, formRequest('/forgot-password', { email: user.email })),
      ),
    );
    expect(results.filter((r) => statusOf(r) === 302)).toHaveLength(1);
    expect(results.filter((r) => statusOf(r) === 429)).toHaveLength(19);
    expect(await emailsTo(user.email)).toHaveLength(1);
  });
});

const signupFields = (email: string, extra: Record<string, string> = {}) => ({
  email,
  password: 'mot cau mat khau that dai',
  agree: 'on',
  displayName: 'Chị Thu',
  locale: 'vi',
  ...extra,
});

async function confirmLink(email: string) {
  const mail = (await emailsTo(email)).at(-1);
  const token = mail ? /signup\/confirm\?token=([\w-]+)/.exec(mail.body)?.[1] : undefined;
  if (!token) throw new Error(`no sign-up link to ${email}`);
  return token;
}

describe('sign-up does not reveal accounts and is throttled (issue 12, point 6)', () => {
  it('answers a taken email exactly like a new one, and tells the owner by email', async () => {
    const owner = await createTestUser({ locale: 'en' });
    const fresh = (await from(
      '198.51.100.60',
      signup.action,
      formRequest('/signup', signupFields('brand.new@example.com')),
    )) as Response;
    const taken = (await from(
      '198.51.100.61',
      signup.action,
      formRequest('/signup', signupFields(owner.email.toUpperCase())),
    )) as Response;
    expect(taken.status).toBe(fresh.status);
    expect(taken.headers.get('location')).toBe(fresh.headers.get('location'));
    expect(taken.headers.getSetCookie().map((c) => c.split('=')[0])).toEqual(
      fresh.headers.getSetCookie().map((c) => c.split('=')[0]),
    );
    expect(fresh.headers.getSetCookie().some((c) => c.startsWith('sen_session='))).toBe(false);
    const told = (await emailsTo(owner.email)).at(-1);
    expect(told?.subject).toBe('Sen: someone tried to sign up with your email');
    expect(told?.body).toContain(`${appOrigin()}/forgot-password`);
    expect(told?.body).not.toContain('token=');
    // Her account is unchanged: the old password still works.
    expect(
      statusOf(await call(login.action, formRequest('/login', { email: owner.email, password: testPassword }))),
    ).toBe(302);
  });

  it(`at most ${signupLimits.perAddress} sign-ups an hour from one client address, answered 429`, async () => {
    for (let i = 0; i < signupLimits.perAddress; i++) {
      expect(
        statusOf(
          await from('203.0.113.70', signup.action, formRequest('/signup', signupFields(`throwaway${i}@example.com`))),
        ),
      ).toBe(302);
    }
    const refused = await from(
      '203.0.113.70',
      signup.action,
      formRequest('/signup', signupFields('throwaway-last@example.com')),
    );
    expect(statusOf(refused)).toBe(429);
    expect(payload(refused).errors).toEqual({ form: 'accounts.signup.throttled' });
    expect(payload(refused).values.email).toBe('throwaway-last@example.com');
    expect(await emailsTo('throwaway-last@example.com')).toEqual([]);
    expect(
      statusOf(
        await from('203.0.113.71', signup.action, formRequest('/signup', signupFields('elsewhere@example.com'))),
      ),
    ).toBe(302);
  });

  it('"Do you want to sell?" yes lands her on the seller dashboard; no on the market or redirectTo', async () => {
    await from(
      '198.51.100.80',
      signup.action,
      formRequest('/signup', signupFields('seller.to.be@example.com', { wantsToSell: 'yes' })),
    );
    const seller = (await call(
      confirm.action,
      formRequest('/signup/confirm', { token: await confirmLink('seller.to.be@example.com') }),
    )) as Response;
    expect(seller.headers.get('location')).toBe('/dashboard?notice=notice.welcome');

    await from(
      '198.51.100.81',
      signup.action,
      formRequest('/signup', signupFields('buyer.only@example.com', { wantsToSell: 'no', redirectTo: '/learn' })),
    );
    const buyer = (await call(
      confirm.action,
      formRequest('/signup/confirm', { token: await confirmLink('buyer.only@example.com') }),
    )) as Response;
    expect(buyer.headers.get('location')).toBe('/learn');

    // A hostile redirectTo is dropped at sign-up, and the link still works.
    await from(
      '198.51.100.82',
      signup.action,
      formRequest('/signup', signupFields('curious@example.com', { redirectTo: '/%09/evil.example' })),
    );
    const curious = (await call(
      confirm.action,
      formRequest('/signup/confirm', { token: await confirmLink('curious@example.com') }),
    )) as Response;
    expect(curious.headers.get('location')).toBe('/market?notice=notice.welcome');

    const bad = await from(
      '198.51.100.83',
      signup.action,
      formRequest('/signup', signupFields('odd@example.com', { wantsToSell: 'maybe' })),
    );
    expect(payload(bad).errors).toEqual({ wantsToSell: 'validation.invalid' });
  });

  it('two pending sign-ups for one email create one account', async () => {
    await from('198.51.100.90', signup.action, formRequest('/signup', signupFields('twice@example.com')));
    const first = await confirmLink('twice@example.com');
    await from(
      '198.51.100.91',
      signup.action,
      formRequest('/signup', signupFields('twice@example.com', { displayName: 'Other' })),
    );
    const second = await confirmLink('twice@example.com');
    expect(statusOf(await call(confirm.action, formRequest('/signup/confirm', { token: second })))).toBe(302);
    const late = await call(confirm.action, formRequest('/signup/confirm', { token: first }));
    expect(payload(late).errors).toEqual({ form: 'accounts.confirm.invalid' });
    expect(
      await db.selectFrom('users').select('display_name').where('email', '=', 'twice@example.com').execute(),
    ).toEqual([{ display_name: 'Other' }]);
  });
});

const codForm = { ...delivery, payment: 'cod' };

async function addToCart(cookie: string, listingId: string, quantity: number) {
  return call(
    cartRoute.action,
    formRequest('/cart', { intent: 'add', listingId, quantity: String(quantity) }, { cookie }),
  );
}

describe('new accounts are limited until one completed order (issue 12, point 6)', () => {
  it("one new account cannot reserve a listing's whole stock of 150 units", async () => {
    const { listingId } = await sellerWithListing({ stock: 150 });
    const buyer = await createTestUser();
    // As in the report: two cash-on-delivery checkouts of 75.
    await addToCart(buyer.cookie, listingId, 75);
    const big = await call(checkoutRoute.action, formRequest('/checkout', codForm, { cookie: buyer.cookie }));
    expect(statusOf(big)).toBe(400);
    expect(payload(big).errors.form).toBe('orders.checkout.newAccountQuantity');
    expect(await stockOf(listingId)).toBe(150);
    // Within the limits she may still buy: two orders of ten, then no third.
    for (let i = 0; i < 3; i++) {
      await db.deleteFrom('cart_items').where('buyer_id', '=', buyer.id).execute();
      await addToCart(buyer.cookie, listingId, newAccountLimits.unitsPerListing);
      const result = await call(checkoutRoute.action, formRequest('/checkout', codForm, { cookie: buyer.cookie }));
      if (i < newAccountLimits.openCodOrders) expect(statusOf(result)).toBe(302);
      else expect(payload(result).errors.form).toBe('orders.checkout.newAccountOrders');
    }
    expect(await stockOf(listingId)).toBe(150 - newAccountLimits.openCodOrders * newAccountLimits.unitsPerListing);
  });

  it('six simultaneous checkouts of one cart make one order, so the limits count every order', async () => {
    const buyer = await createTestUser();
    const { listingId } = await sellerWithListing({ stock: 50 });
    await addToCart(buyer.cookie, listingId, newAccountLimits.unitsPerListing);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(checkoutRoute.action, formRequest('/checkout', codForm, { cookie: buyer.cookie })),
      ),
    );
    expect(results.filter((r) => statusOf(r) === 302)).toHaveLength(1);
    expect(results.filter((r) => statusOf(r) !== 302).map((r) => payload(r).errors.form)).toEqual(
      Array(5).fill('orders.checkout.empty'),
    );
    expect(await db.selectFrom('orders').select('id').where('buyer_id', '=', buyer.id).execute()).toHaveLength(1);
    expect(await stockOf(listingId)).toBe(50 - newAccountLimits.unitsPerListing);
  });

  it('a buyer with a completed order is no longer limited', async () => {
    const { listingId } = await sellerWithListing({ stock: 150 });
    const buyer = await createTestUser();
    await addToCart(buyer.cookie, listingId, 1);
    expect(
      statusOf(await call(checkoutRoute.action, formRequest('/checkout', codForm, { cookie: buyer.cookie }))),
    ).toBe(302);
    await db
      .updateTable('orders')
      .set({ state: 'completed' })
      .where('buyer_id', '=', buyer.id)
      .where('state', '=', 'placed')
      .execute();
    await addToCart(buyer.cookie, listingId, 60);
    expect(
      statusOf(await call(checkoutRoute.action, formRequest('/checkout', codForm, { cookie: buyer.cookie }))),
    ).toBe(302);
    expect(await stockOf(listingId)).toBe(150 - 61);
  });

  it("the seller's per-order maximum is kept by the editor, the cart and the checkout", async () => {
    const { seller, listingId } = await sellerWithListing({ stock: 100 });
    const edit = (maxPerOrder: string) =>
      call(
        editListing.action,
        formRequest(
          `/dashboard/listings/${listingId}`,
          {
            intent: 'save',
            title: 'Khăn thổ cẩm',
            description: '',
            price: '250000',
            stock: '100',
            category: 'handicrafts',
            shippingFee: '30000',
            maxPerOrder,
          },
          { cookie: seller.cookie },
        ),
        { id: listingId },
      );
    const wrong = await edit('0');
    expect(payload(wrong).errors).toEqual({ maxPerOrder: 'market.field.maxPerOrderInvalid' });
    expect(payload(wrong).values.maxPerOrder).toBe('0');
    expect(statusOf(await edit('3'))).toBe(302);
    expect(
      payload(
        await call(editListing.loader, getRequest(`/dashboard/listings/${listingId}`, { cookie: seller.cookie }), {
          id: listingId,
        }),
      ).listing.maxPerOrder,
    ).toBe(3);

    const buyer = await createTestUser();
    await addToCart(buyer.cookie, listingId, 8);
    expect(
      (await db.selectFrom('cart_items').select('quantity').where('buyer_id', '=', buyer.id).executeTakeFirstOrThrow())
        .quantity,
    ).toBe(3);
    // A cart filled before the seller lowered the maximum is refused at checkout.
    expect(statusOf(await edit('2'))).toBe(302);
    const refused = await call(checkoutRoute.action, formRequest('/checkout', codForm, { cookie: buyer.cookie }));
    expect(payload(refused).errors.form).toBe('orders.checkout.sellerMaximum');
    expect(payload(refused).titles).toEqual(['Khăn thổ cẩm']);
    expect(await stockOf(listingId)).toBe(100);
    // Empty means no maximum again.
    expect(statusOf(await edit(''))).toBe(302);
    expect(
      statusOf(await call(checkoutRoute.action, formRequest('/checkout', codForm, { cookie: buyer.cookie }))),
    ).toBe(302);
  });
});

describe('names shown to strangers carry no contact or payment line (issue 12, point 10)', () => {
  it('refuses numbers however they are separated or written, links, handles and payment lines', () => {
    for (const name of [
      'Zalo 0912 345 678 ck truoc',
      'Hoa 0912,345,678',
      'Hoa 0912_345_678',
      'Hoa 0912  345  678',
      'Hoa ０９１２３４５６７８',
      'Lan 0.9.1.2.3.4.5.6.7.8',
      'Shop Mai zalo.me/0912345678',
      'Mai @mai_shop_sale',
      'Nhận chuyển khoản trước 50%',
      'STK 19036 7788 99 Techcombank',
    ]) {
      expect(isPlainName(name), name).toBe(false);
    }
    for (const name of [
      'Chị Hoa',
      'Thổ cẩm Sa Pa 2024',
      'Hợp tác xã dệt Lùng Tám',
      'Nguyễn Thị Ánh Tuyết',
      "H'Hen Niê",
      'Trà Shan Tuyết 100 năm',
    ]) {
      expect(isPlainName(name), name).toBe(true);
    }
  });

  it('answers sign-up and the account page in her language, keeping what she typed', async () => {
    const typed = 'Chị Thu 0912.345.678';
    const refused = await call(
      signup.action,
      formRequest('/signup', signupFields('thu.name@example.com', { displayName: typed })),
    );
    expect(statusOf(refused)).toBe(400);
    expect(payload(refused)).toMatchObject({
      errors: { displayName: 'validation.nameContact' },
      values: { displayName: typed },
    });
    const user = await createTestUser();
    const before = await db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const form = {
      intent: 'profile',
      displayName: 'Shop Mai zalo.me/shopmai',
      locale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
    };
    const answer = await call(account.action, formRequest('/account', form, { cookie: user.cookie }));
    expect(statusOf(answer)).toBe(400);
    expect(payload(answer).errors.displayName).toBe('validation.nameContact');
    expect(
      await db.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow(),
    ).toEqual(before);
  });
});
