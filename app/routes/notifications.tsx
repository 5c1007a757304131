import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listNotifications, markAllRead } from '~/modules/notifications/notifications.server';

// Her notifications: what happened to her orders, bookings, messages, profile
// and reports, newest first.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const before = Number(new URL(request.url).searchParams.get('before'));
  return listNotifications(user.id, Number.isSafeInteger(before) && before > 0 ? before : undefined);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllRead(user.id);
  return redirect('/notifications?notice=notice.notifications.read');
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export default function Notifications() {
  const { items, next } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  // Times travel as ISO strings in the parameters; they are shown in her zone.
  const text = (item: (typeof items)[number]) =>
    t(
      item.key,
      Object.fromEntries(
        Object.entries(item.params).map(([k, v]) => [k, typeof v === 'string' && isoTime.test(v) ? dateTime(v) : v]),
      ),
    );
  return (
    <section>
      <h1>{t('notifications.title')}</h1>
      {items.some((i) => !i.read) ? (
        <Form noValidate method="post">
          <button type="submit">{t('notifications.readAll')}</button>
        </Form>
      ) : null}
      {items.length === 0 ? <p>{t('notifications.empty')}</p> : null}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id} className={item.read ? 'card' : 'card unread'}>
            {item.read ? null : <strong className="badge">{t('notifications.new')}</strong>}{' '}
            {item.link ? <Link to={item.link}>{text(item)}</Link> : text(item)}
            <div className="small">{dateTime(item.createdAt)}</div>
          </li>
        ))}
      </ul>
      {next ? (
        <p>
          <Link to={`/notifications?before=${next}`}>{t('notifications.older')}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'notifications.title');
