import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import {
  answerInvitation,
  answerSchema,
  consentSchema,
  leaveBusiness,
  membershipsOf,
  setStorefrontConsent,
} from '~/modules/cooperatives/members.server';

// Her invitations to cooperatives and household businesses (sent to her e-mail or
// her confirmed phone), and the businesses she belongs to: she alone decides
// whether a storefront shows her name.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rows = await membershipsOf(user.id);
  return {
    displayName: user.displayName,
    rows: rows.map((r) => ({
      id: r.id,
      role: r.role,
      state: r.state,
      business: r.business_name,
      slug: r.slug,
      type: r.business_type,
      shown: r.show_on_storefront,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = form.get('intent');
  if (intent === 'consent' || intent === 'leave') {
    const parsed = parseForm(form, consentSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const done =
      intent === 'leave'
        ? await leaveBusiness(user.id, parsed.data.id)
        : await setStorefrontConsent(user.id, parsed.data.id, parsed.data.show);
    if (!done) throw new Response('Not found', { status: 404 });
    return redirect('/account/memberships?notice=notice.saved');
  }
  const parsed = parseForm(form, answerSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const error = await answerInvitation(user.id, parsed.data);
  if (error) return formError(form, { form: error });
  return redirect(
    `/account/memberships?notice=${parsed.data.answer === 'accept' ? 'notice.coop.joined' : 'notice.saved'}`,
  );
}

export default function Memberships() {
  const { rows, displayName } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('coop.memberships.title')}</h1>
      {rows.length === 0 ? <p>{t('coop.memberships.empty')}</p> : null}
      <ul className="stack">
        {rows.map((r) => {
          const rowReply = reply?.values?.id === r.id ? reply : undefined;
          return (
            <li key={r.id} className="card">
              <h2>{r.business}</h2>
              <p className="small">
                {t(`coop.type.${r.type}`)} · {t(`coop.role.${r.role}`)} ·{' '}
                <Link to={`/s/${r.slug}`}>{t('coop.storefront')}</Link>
              </p>
              {r.state === 'invited' ? (
                <Form
                  noValidate
                  method="post"
                  className="stack"
                  aria-label={t('coop.memberships.answer', { business: r.business })}
                >
                  <FormError reply={rowReply} />
                  <input type="hidden" name="id" value={r.id} />
                  <Field
                    name="displayName"
                    idPrefix={`m-${r.id}`}
                    label={t('coop.memberships.name')}
                    defaultValue={rowReply?.values?.displayName ?? displayName}
                    reply={rowReply}
                    maxLength={80}
                  />
                  <label>
                    <input type="checkbox" name="woman" value="1" defaultChecked /> {t('coop.memberships.woman')}
                  </label>
                  <label>
                    <input type="checkbox" name="show" value="1" /> {t('coop.memberships.show')}
                  </label>
                  <p>
                    <button type="submit" name="answer" value="accept">
                      {t('coop.memberships.accept')}
                    </button>{' '}
                    <button type="submit" name="answer" value="decline" className="secondary">
                      {t('coop.memberships.decline')}
                    </button>
                  </p>
                </Form>
              ) : (
                <>
                  <p>{t(r.shown ? 'coop.memberships.shownNow' : 'coop.memberships.hiddenNow')}</p>
                  {r.role === 'manager' ? (
                    <p>
                      <Link to="/dashboard/listings">{t('dashboard.nav.listings')}</Link> ·{' '}
                      <Link to="/dashboard/orders">{t('dashboard.nav.orders')}</Link> ·{' '}
                      <Link to="/dashboard/cooperative">{t('coop.title')}</Link>
                    </p>
                  ) : null}
                  <Form noValidate method="post" className="inline-form">
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="intent" value="consent" />
                    <input type="hidden" name="show" value={r.shown ? '0' : '1'} />
                    <button type="submit" className="secondary">
                      {t(r.shown ? 'coop.memberships.hide' : 'coop.memberships.showMe')}
                    </button>
                  </Form>{' '}
                  <Form noValidate method="post" className="inline-form">
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="intent" value="leave" />
                    <button type="submit" className="link">
                      {t('coop.memberships.leave')}
                    </button>
                  </Form>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'coop.memberships.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
