import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { cartSchema } from '~/modules/orders/forms.server';
import { FormError } from '~/components/form';
import { getUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import {
  changeGuestCart,
  loadGuestCart,
  mergeGuestCart,
  readGuestCart,
  writeGuestCart,
} from '~/modules/orders/guest-cart.server';
import { addToCart, loadCart, removeFromCart, setCartQuantity } from '~/modules/orders';
import { needsVariantChoice } from '~/modules/market/variants.server';

// The cart, grouped by seller: each group becomes one order. A guest's cart is
// kept in a signed cookie and joins her account's cart when she signs in.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) {
    // A guest's cart, from her signed cookie; she signs in to check out.
    const groups = await loadGuestCart(await readGuestCart(request));
    return { groups, total: groups.reduce((s, g) => s + g.subtotal + g.shippingFee, 0), guest: true };
  }
  const merged = await mergeGuestCart(request, user.id);
  if (merged) throw redirect('/cart', { headers: { 'Set-Cookie': merged } });
  const groups = await loadCart(user.id);
  return { groups, total: groups.reduce((s, g) => s + g.subtotal + g.shippingFee, 0), guest: false };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, cartSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const { intent, listingId, quantity, variant } = parsed.data;
  if (!user) {
    // A guest adding a listing with options must name one, like a signed-in buyer.
    if (intent === 'add' && !variant && (await needsVariantChoice(listingId)))
      return formError(form, { form: 'depth.variants.required' });
    const lines = changeGuestCart(await readGuestCart(request), intent, listingId, quantity, variant);
    const headers = { 'Set-Cookie': await writeGuestCart(lines) };
    throw redirect(intent === 'add' ? '/cart?notice=notice.orders.added' : '/cart', { headers });
  }
  if (intent === 'add') {
    const added = await addToCart(user.id, listingId, Math.max(1, quantity), variant);
    if (!added.ok) return formError(form, { form: added.error });
    return redirect('/cart?notice=notice.orders.added');
  }
  if (intent === 'remove') await removeFromCart(user.id, listingId, variant);
  else await setCartQuantity(user.id, listingId, quantity, variant);
  return redirect('/cart');
}

export default function Cart() {
  const { groups, total, guest } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money } = useI18n();
  return (
    <section>
      <h1>{t('orders.cart.title')}</h1>
      <FormError reply={reply} />
      {groups.length === 0 ? (
        <p>
          {t('orders.cart.empty')} <Link to="/market">{t('orders.cart.browse')}</Link>
        </p>
      ) : null}
      {groups.map((group) => (
        <div key={group.sellerId} className="card">
          <h2>
            <Link to={`/s/${group.sellerSlug}`}>{t('orders.cart.from', { seller: group.sellerName })}</Link>
          </h2>
          <ul className="plain-list">
            {group.lines.map((line) => (
              <li key={line.variantId}>
                <Link to={`/market/${line.listingId}`}>
                  {line.variantName ? `${line.title} (${line.variantName})` : line.title}
                </Link>{' '}
                · {money(line.price)}
                {line.variantGone ? (
                  <strong className="field-error"> {t('depth.variants.gone')}</strong>
                ) : !line.available ? (
                  <strong className="field-error">
                    {' '}
                    {line.stock > 0 ? t('orders.cart.notEnough', { n: line.stock }) : t('market.stock.none')}
                  </strong>
                ) : null}
                <Form noValidate method="post" className="inline-form">
                  <input type="hidden" name="listingId" value={line.listingId} />
                  <input type="hidden" name="variant" value={line.variantId} />
                  <label>
                    {t('orders.cart.quantity')}{' '}
                    <input
                      type="number"
                      name="quantity"
                      defaultValue={line.quantity}
                      min={0}
                      max={99}
                      inputMode="numeric"
                      style={{ width: '4.5em' }}
                    />
                  </label>{' '}
                  <button type="submit" name="intent" value="update" className="secondary">
                    {t('orders.cart.update')}
                  </button>{' '}
                  <button type="submit" name="intent" value="remove" className="secondary">
                    {t('orders.cart.remove')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <p className="small">
            {t('orders.cart.subtotal')}: {money(group.subtotal)} · {t('orders.cart.shipping')}:{' '}
            {money(group.shippingFee)}
          </p>
        </div>
      ))}
      {groups.length ? (
        <p>
          <strong>
            {t('orders.cart.total')}: {money(total)}
          </strong>{' '}
          {guest ? (
            <Link to="/login?redirectTo=%2Fcart" className="button">
              {t('orders.cart.signIn')}
            </Link>
          ) : (
            <Link to="/checkout" className="button">
              {t('orders.cart.checkout')}
            </Link>
          )}
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'orders.cart.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
