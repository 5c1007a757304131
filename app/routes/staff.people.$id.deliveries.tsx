import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { personInScope, requireStaff } from '~/lib/auth.server';
import { isUuid } from '~/lib/ids';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { deliveriesForPerson } from '~/modules/notifications/staff.server';
import { notFound } from '~/lib/responses';

// Staff, for a person's "I never got the message / the code" call: which of her
// channels are confirmed, and what happened to her last notices and codes.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const found =
    isUuid(params.id) && (await personInScope(staff.scope, params.id)) ? await deliveriesForPerson(params.id) : null;
  if (!found) throw notFound();
  return found;
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export default function PersonDeliveries() {
  const { person, notices, codes } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  // Times travel as ISO strings in a notice's parameters, as on /notifications.
  const text = (n: (typeof notices)[number]) =>
    n.key
      ? t(
          n.key,
          Object.fromEntries(
            Object.entries(n.params).map(([k, v]) => [k, typeof v === 'string' && isoTime.test(v) ? dateTime(v) : v]),
          ),
        )
      : '—';
  return (
    <section>
      <h1>{t('notify.staff.title', { name: person.name })}</h1>
      <h2>{t('notify.staff.reach')}</h2>
      <ul>
        <li>
          {t('notify.staff.phone', { phone: person.phone ?? t('notify.staff.none') })}
          {person.phone
            ? ` (${t(person.phoneConfirmed ? 'notify.staff.phoneConfirmed' : 'notify.staff.phoneUnconfirmed')})`
            : null}
        </li>
        <li>{t('notify.staff.email', { email: person.email ?? t('notify.staff.none') })}</li>
      </ul>

      <h2>{t('notify.staff.notices')}</h2>
      {notices.length === 0 ? <p>{t('notify.staff.noNotices')}</p> : null}
      <ul className="plain-list">
        {notices.map((n) => (
          <li key={n.id} className="card">
            <strong>{text(n)}</strong>
            <div className="small">{dateTime(n.createdAt)}</div>
            {n.deliveries.length === 0 ? (
              <div className="small">{t('notify.staff.inAppOnly')}</div>
            ) : (
              <ul>
                {n.deliveries.map((d) => (
                  <li key={d.id}>
                    {t(`notify.channel.${d.channel}`)} · {t(`notify.status.${d.status}`)} ·{' '}
                    {dateTime(d.sent_at ?? d.created_at)}
                    {d.status === 'pending' && d.send_after
                      ? ` · ${t('notify.staff.heldUntil', { time: dateTime(d.send_after) })}`
                      : null}
                    {d.last_error ? (
                      <>
                        {' '}
                        · {t('notify.staff.error')}: <code>{d.last_error}</code>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>

      <h2>{t('notify.staff.codes')}</h2>
      {codes.length === 0 ? <p>{t('notify.staff.noCodes')}</p> : null}
      <ul>
        {codes.map((c) => (
          <li key={c.id}>
            {t(`notify.channel.${c.channel}`)} · {dateTime(c.created_at)} ·{' '}
            {t(c.used_at ? 'notify.staff.codeUsed' : 'notify.staff.codeUnused')}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'notify.staff.reach');
