import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { checkoutSchema } from '~/modules/orders/forms.server';
import { Field, FormError, SelectField } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { parseForm, readForm, type FormReply } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { translatorFor } from '~/lib/i18n.server';
import { pageMeta } from '~/lib/meta';
import { cardPaymentsEnabled } from '~/lib/payments.server';
import { provinceName, provinces } from '~/lib/provinces';
import { PayOnlyOnSenNote } from '~/modules/orders/components';
import { mergeGuestCart } from '~/modules/orders/guest-cart.server';
import { checkout, loadCart } from '~/modules/orders';
import { sellersWithoutPayout } from '~/modules/payments/payout.server';
import { WardField } from '~/modules/shipping/components';
import { checkoutWardSchema } from '~/modules/shipping/forms.server';
import { activeCarrierName, quoteCart } from '~/modules/shipping/shipping.server';
import { wardsOf } from '~/modules/shipping/wards';

// Delivery details and payment for the whole cart; one order per seller.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const merged = await mergeGuestCart(request, user.id);
  if (merged) throw redirect('/cart', { headers: { 'Set-Cookie': merged } });
  const groups = await loadCart(user.id);
  if (!groups.length) throw redirect('/cart');
  return {
    groups,
    total: groups.reduce((s, g) => s + g.subtotal + g.shippingFee, 0),
    cardEnabled: cardPaymentsEnabled(),
    // VietQR needs every seller of the cart to have a verified payout account.
    noVietQr: (await sellersWithoutPayout(groups.map((g) => g.sellerId))).flatMap((id) =>
      groups.filter((g) => g.sellerId === id).map((g) => g.sellerName),
    ),
    name: user.displayName,
    carrier: activeCarrierName(),
  };
}

// quotes: the carrier's fee per seller for her ward; wards: that province's, as suggestions.
type CheckoutReply = FormReply & { titles?: string[]; quotes?: Record<string, number>; wards?: readonly string[] };

function typed(form: FormData) {
  return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  // The ward (issue 20): optional, never one of another province; with a carrier it prices the delivery.
  const place = parseForm(form, checkoutSchema);
  const where = parseForm(form, checkoutWardSchema);
  const values = typed(form);
  const wards = where.ok ? wardsOf(where.data.province) : wardsOf(values.province ?? '');
  if (!where.ok || (form.get('intent') !== 'quote' && !place.ok)) {
    const errors = { ...(place.ok ? {} : place.reply.errors), ...(where.ok ? {} : where.reply.errors) };
    if (form.get('intent') === 'quote') delete errors.payment;
    return data<CheckoutReply>({ errors, values, wards }, { status: 400 });
  }
  const ward = where.data.ward ?? null;
  if (form.get('intent') === 'quote' && !ward)
    return data<CheckoutReply>({ errors: { ward: 'validation.required' }, values, wards }, { status: 400 });
  const quote = await quoteCart(
    await loadCart(user.id),
    ward
      ? {
          name: values.name?.trim() || user.displayName,
          phone: place.ok ? place.data.phone : (values.phone ?? ''),
          address: values.address?.trim() || ward,
          province: where.data.province,
          ward,
        }
      : null,
  );
  if (!quote.ok)
    return data<CheckoutReply>(
      { errors: { form: quote.error }, values, titles: [quote.sellerName], wards },
      { status: 400 },
    );
  // "See the delivery fee": the quotes, nothing ordered.
  if (form.get('intent') === 'quote' || !place.ok)
    return data<CheckoutReply>({ errors: {}, values, wards, quotes: Object.fromEntries(quote.fees) });
  const { payment, ...delivery } = place.data;
  const result = await checkout({ id: user.id, email: user.email }, { ...delivery, ward }, payment, {
    shippingLabel: translatorFor(user.locale)('orders.cart.shipping'),
    shippingFees: quote.fees,
  });
  if (!result.ok) {
    const errors: FormReply['errors'] = { form: result.error };
    if (result.error === 'orders.checkout.provinceError') errors.province = 'orders.checkout.province.error';
    // Sold out: a clear answer, and nothing was created.
    return data<CheckoutReply>(
      { errors, values, titles: result.titles },
      { status: result.error === 'orders.checkout.soldOut' ? 409 : 400 },
    );
  }
  if (result.paymentUrl) throw redirect(result.paymentUrl);
  throw redirect('/orders?notice=notice.orders.placed');
}

export default function Checkout() {
  const { groups, total: flatTotal, cardEnabled, noVietQr, name, carrier } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as CheckoutReply | undefined;
  const quotes = reply?.quotes ?? {};
  const feeOf = (g: (typeof groups)[number]) => quotes[g.sellerId] ?? g.shippingFee;
  const total = reply?.quotes ? groups.reduce((s, g) => s + g.subtotal + feeOf(g), 0) : flatTotal;
  const { t, money, locale } = useI18n();
  const formError = reply?.errors?.form;
  return (
    <section>
      <h1>{t('orders.checkout.title')}</h1>
      <PayOnlyOnSenNote />
      {formError ? (
        <p className="form-error" role="alert">
          {t(formError, { titles: (reply?.titles ?? []).join(', ') })}{' '}
          {formError === 'orders.checkout.soldOut' ? <Link to="/cart">{t('orders.cart.title')}</Link> : null}
        </p>
      ) : null}
      <p>{t('orders.checkout.perSeller', { n: groups.length })}</p>
      {groups.map((g) => (
        <div key={g.sellerId} className="card">
          <h2>{g.sellerName}</h2>
          <ul className="plain-list">
            {g.lines.map((l) => (
              <li key={l.listingId}>
                {l.title} × {l.quantity} · {money(l.price * l.quantity)}
              </li>
            ))}
          </ul>
          <p className="small">
            {t('orders.cart.shipping')}: <span data-fee={g.sellerId}>{money(feeOf(g))}</span>
            {quotes[g.sellerId] !== undefined && carrier
              ? ` (${t('shipping.checkout.quoted', { carrier, ward: reply?.values?.ward ?? '' })})`
              : null}{' '}
            ·{' '}
            {g.provinces
              ? t('orders.checkout.shipsTo', { list: g.provinces.map((p) => provinceName(p, locale)).join(', ') })
              : t('orders.checkout.shipsEverywhere')}
          </p>
        </div>
      ))}
      <p>
        <strong>
          {t('orders.checkout.grandTotal')}: {money(total)}
        </strong>
      </p>
      <Form noValidate method="post">
        <h2>{t('orders.checkout.delivery')}</h2>
        {/* The sold-out error above carries its own titles; this lists the fields to fix. */}
        <FormError
          reply={reply}
          omitFormError
          labels={{
            name: t('orders.checkout.name'),
            phone: t('orders.checkout.phone'),
            address: t('orders.checkout.address'),
            province: t('orders.checkout.province'),
            ward: t('shipping.ward.label'),
            payment: t('orders.checkout.payment'),
          }}
        />
        <Field
          name="name"
          label={t('orders.checkout.name')}
          reply={reply}
          defaultValue={name}
          autoComplete="name"
          required
          maxLength={120}
        />
        <Field
          name="phone"
          label={t('orders.checkout.phone')}
          type="tel"
          reply={reply}
          autoComplete="tel"
          required
          maxLength={20}
        />
        <Field
          name="address"
          label={t('orders.checkout.address')}
          reply={reply}
          autoComplete="street-address"
          required
          maxLength={300}
        />
        <SelectField
          name="province"
          label={t('orders.checkout.province')}
          reply={reply}
          required
          options={[
            { value: '', label: '—' },
            ...provinces.map((p) => ({ value: p.code, label: provinceName(p.code, locale) })),
          ]}
        />
        <WardField
          reply={reply}
          wards={reply?.wards ?? []}
          hint={carrier ? t('shipping.checkout.wardHint', { carrier }) : t('shipping.checkout.wardOptional')}
        />
        {carrier ? (
          <button type="submit" name="intent" value="quote" className="secondary">
            {t('shipping.checkout.quote')}
          </button>
        ) : null}
        <fieldset>
          <legend>{t('orders.checkout.payment')}</legend>
          <label>
            <input
              type="radio"
              name="payment"
              value="cod"
              defaultChecked={(reply?.values?.payment ?? 'cod') === 'cod'}
            />{' '}
            {t('orders.checkout.cod')}
          </label>
          {noVietQr.length === 0 ? (
            <label>
              <input type="radio" name="payment" value="vietqr" defaultChecked={reply?.values?.payment === 'vietqr'} />{' '}
              {t('orders.checkout.vietqr')}
            </label>
          ) : (
            <p className="small muted">{t('orders.checkout.vietqrOff', { names: noVietQr.join(', ') })}</p>
          )}
          {cardEnabled ? (
            <label>
              <input type="radio" name="payment" value="card" defaultChecked={reply?.values?.payment === 'card'} />{' '}
              {t('orders.checkout.card')}
            </label>
          ) : (
            <p className="small muted">{t('orders.checkout.cardOff')}</p>
          )}
        </fieldset>
        <button type="submit" name="intent" value="place">
          {t('orders.checkout.place')}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'orders.checkout.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
