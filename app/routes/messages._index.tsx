import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { SubjectLine } from '~/modules/messaging/components';
import styles from '~/modules/messaging/messaging.css';
import { listInbox } from '~/modules/messaging/index.server';

// Her conversations, newest activity first, each with the other person, what it
// is about, the last message as she may see it, and unread and muted marks.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const after = new URL(request.url).searchParams.get('after');
  const inbox = await listInbox(user.id, { after });
  return { ...inbox, paged: Boolean(after) };
}

export default function Inbox() {
  const { conversations, next, paged } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('messaging.inbox.title')}</h1>
      {conversations.length === 0 ? <p>{t('messaging.inbox.empty')}</p> : null}
      <ul className="inbox">
        {conversations.map((c) => (
          <li
            key={c.id}
            className={[c.unread ? 'unread-row' : '', c.warned ? 'warned-row' : ''].join(' ').trim() || undefined}
          >
            <Link to={`/messages/${c.id}`}>
              {c.warned ? (
                <span className="warn-mark" role="img" aria-label={t('ux.inbox.warned')}>
                  ⚠
                </span>
              ) : null}
              {c.otherName}
            </Link>
            {c.warned ? <p className="small warned-note">{t('ux.inbox.warned')}</p> : null}
            {c.unread ? <span className="tag">{t('messaging.inbox.unread')}</span> : null}
            {c.muted ? <span className="tag">{t('messaging.inbox.muted')}</span> : null}
            {c.subject ? (
              <p className="small muted">
                <SubjectLine subject={c.subject} />
              </p>
            ) : null}
            {c.last ? (
              <p className="small message-preview">
                {c.last.mine ? t('messaging.inbox.you') : null}
                {c.last.state === 'held'
                  ? t('messaging.inbox.held')
                  : c.last.state === 'removed'
                    ? t('messaging.inbox.removed')
                    : (c.last.body ?? '').slice(0, 140)}
              </p>
            ) : null}
            <p className="message-meta">{dateTime(c.lastMessageAt)}</p>
          </li>
        ))}
      </ul>
      <p>
        {next ? <Link to={`/messages?after=${next}`}>{t('messaging.inbox.more')}</Link> : null}{' '}
        {paged ? <Link to="/messages">{t('messaging.inbox.first')}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'messaging.inbox.title');
