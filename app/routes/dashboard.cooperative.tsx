import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError, SelectField } from '~/components/form';
import { requireSeller } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { pageMeta } from '~/lib/meta';
import { formatPhone } from '~/lib/phone';
import { businessTypes } from '~/modules/cooperatives/business-types';
import {
  businessOf,
  businessTypeSchema,
  hasMembers,
  inviteMember,
  inviteSchema,
  listMembers,
  removeMember,
  salesByMember,
  setBusinessType,
} from '~/modules/cooperatives/members.server';

// A cooperative, cooperative group or household business: what it is (owner only),
// its members and invitations, and its sales per member (owner and managers).
// requireSeller (app/lib/auth.server.ts) says whose business this is.

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const business = await businessOf(seller.sellerId);
  const [members, sales] =
    business && hasMembers(business.business_type)
      ? await Promise.all([listMembers(seller.sellerId), salesByMember(seller.sellerId)])
      : [[], []];
  return {
    isOwner: !seller.asManager,
    business: business ? { name: business.business_name, slug: business.slug, type: business.business_type } : null,
    members: members.map((m) => ({
      id: m.id,
      role: m.role,
      state: m.state,
      name: m.display_name,
      contact: m.invited_email ?? (m.invited_phone ? formatPhone(m.invited_phone) : ''),
      shown: m.show_on_storefront,
    })),
    sales: sales.map((s) => ({ id: s.id, name: s.display_name, units: s.units, revenue: Number(s.revenue) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const form = await readForm(request);
  const intent = form.get('intent');
  if (intent === 'type') {
    // Only the owner says what her business is.
    if (seller.asManager) throw new Response('Forbidden', { status: 403 });
    const parsed = parseForm(form, businessTypeSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const error = await setBusinessType(seller.sellerId, parsed.data.type);
    if (error) return formError(form, { type: error });
    return redirect('/dashboard/cooperative?notice=notice.saved');
  }
  if (intent === 'remove') {
    const id = form.get('id');
    if (!isUuid(id)) return formError(form, { form: 'validation.invalid' });
    await removeMember(seller.sellerId, id);
    return redirect('/dashboard/cooperative?notice=notice.saved');
  }
  const parsed = parseForm(form, inviteSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await inviteMember(seller.sellerId, seller.id, parsed.data);
  if (!result.ok) return formError(form, { [result.field]: result.error });
  return redirect('/dashboard/cooperative?notice=notice.coop.invited');
}

export default function Cooperative() {
  const { business, members, sales, isOwner } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money } = useI18n();
  const typeReply = reply?.values?.intent === 'type' ? reply : undefined;
  const inviteReply = reply?.values?.intent === 'invite' ? reply : undefined;
  if (!business)
    return (
      <section className="narrow">
        <h1>{t('coop.title')}</h1>
        <p>{t('coop.type.noProfile')}</p>
        <Link to="/dashboard/verification">{t('dashboard.nav.verification')}</Link>
      </section>
    );
  const cooperative = business.type !== 'individual';
  return (
    <section className="narrow">
      <h1>{t('coop.title')}</h1>
      <p>
        {business.name} · <Link to={`/s/${business.slug}`}>{t('coop.storefront')}</Link>
      </p>
      {isOwner ? (
        <Form noValidate method="post" className="stack">
          <input type="hidden" name="intent" value="type" />
          <FormError reply={typeReply} />
          <SelectField
            name="type"
            label={t('coop.type.label')}
            reply={typeReply}
            defaultValue={typeReply?.values?.type ?? business.type}
            hint={t('coop.type.hint')}
            options={businessTypes.map((type) => ({ value: type, label: t(`coop.type.${type}`) }))}
          />
          <button type="submit" className="secondary">
            {t('common.save')}
          </button>
        </Form>
      ) : (
        <p>{t(`coop.type.${business.type}`)}</p>
      )}

      {cooperative ? (
        <>
          <h2>{t('coop.members.title')}</h2>
          {members.length === 0 ? <p className="muted">{t('coop.members.empty')}</p> : null}
          <ul className="stack">
            {members.map((m) => (
              <li key={m.id} className="card">
                <strong>{m.name ?? m.contact}</strong> · {t(`coop.role.${m.role}`)} ·{' '}
                {t(m.state === 'active' ? 'coop.state.active' : 'coop.state.invited')}
                {m.state === 'active' ? (
                  <span className="small muted"> · {t(m.shown ? 'coop.members.shown' : 'coop.members.hidden')}</span>
                ) : null}
                <Form noValidate method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="id" value={m.id} />
                  <button type="submit" className="link">
                    {t('coop.members.remove')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>

          <h2>{t('coop.invite.title')}</h2>
          <Form noValidate method="post" className="stack" aria-label={t('coop.invite.title')}>
            <input type="hidden" name="intent" value="invite" />
            <FormError reply={inviteReply} />
            <Field
              name="contact"
              label={t('coop.invite.contact')}
              hint={t('coop.invite.contactHint')}
              reply={inviteReply}
              maxLength={254}
              autoComplete="off"
            />
            <SelectField
              name="role"
              label={t('coop.invite.role')}
              reply={inviteReply}
              defaultValue={inviteReply?.values?.role ?? 'member'}
              hint={t('coop.invite.roleHint')}
              options={[
                { value: 'member', label: t('coop.role.member') },
                { value: 'manager', label: t('coop.role.manager') },
              ]}
            />
            <button type="submit">{t('coop.invite.send')}</button>
          </Form>

          <h2>{t('coop.sales.title')}</h2>
          {sales.length === 0 ? (
            <p className="muted">{t('coop.sales.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('coop.sales.maker')}</th>
                  <th>{t('coop.sales.units')}</th>
                  <th>{t('coop.sales.revenue')}</th>
                </tr>
              </thead>
              <tbody>
                {sales.map((s) => (
                  <tr key={s.id ?? 'none'}>
                    <td>{s.name ?? t('coop.sales.noMaker')}</td>
                    <td>{s.units}</td>
                    <td>{money(s.revenue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'coop.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
