import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { SendForm, SubjectLine, type SendReply } from '~/modules/messaging/components';
import { conversationSchema } from '~/modules/messaging/forms.server';
import styles from '~/modules/messaging/messaging.css';
import {
  findConversationRow,
  canSeeConversation,
  loadConversation,
  markRead,
  sendMessage,
  setBlocked,
  setMuted,
} from '~/modules/messaging/index.server';
import { ScamWarning } from '~/modules/safety/components/scam-warning';
import { appOrigin } from '~/lib/origin.server';
import { notFound } from '~/lib/responses';
import { redirectWithNotice } from '~/lib/redirect.server';

// One conversation, for its two members only (anyone else: 404). Newest page
// first with a link to older ones; a plain form sends (with a warning first when
// the message asks for payment off Sen); mute and block. With JavaScript on,
// the newest page refreshes itself every 15 seconds.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const search = new URL(request.url).searchParams;
  const before = search.get('before');
  const conversation = await loadConversation(user, params.id, { before, show: search.get('show') });
  if (!conversation) throw notFound();
  if (!before) await markRead(user.id, conversation.id);
  return { conversation, before };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const conversation = await findConversationRow(params.id);
  if (!canSeeConversation(user, conversation)) throw notFound();
  const parsed = parseForm(form, conversationSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const here = `/messages/${conversation.id}`;
  const input = parsed.data;
  switch (input.intent) {
    case 'send': {
      const result = await sendMessage({
        sender: user,
        conversationId: conversation.id,
        body: input.body,
        confirmed: input.confirmed,
        trustedOrigins: [appOrigin()],
      });
      if (result.ok)
        throw redirectWithNotice(here, result.masked ? 'notice.messaging.sentMasked' : 'notice.messaging.sent');
      if ('warn' in result) return data<SendReply>({ warn: result.warn, errors: {}, values: { body: input.body } });
      if (result.status === 404) throw notFound();
      return formError(form, { form: result.error }, result.status);
    }
    case 'mute':
    case 'unmute':
      await setMuted(user.id, conversation.id, input.intent === 'mute');
      throw redirectWithNotice(here, `notice.messaging.${input.intent}d`);
    case 'block':
    case 'unblock':
      await setBlocked(user, conversation.id, input.intent === 'block');
      throw redirectWithNotice(here, `notice.messaging.${input.intent}ed`);
  }
}

/** With JavaScript on, the newest page asks the server again every 15 seconds while it is visible. */
function useRefresh(enabled: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') revalidator.revalidate();
    }, 15_000);
    return () => clearInterval(timer);
  }, [enabled, revalidator]);
}

export default function Conversation() {
  const { conversation: c, before } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as SendReply | undefined;
  const { t, dateTime } = useI18n();
  const location = useLocation();
  useRefresh(!before);
  const subjectLink =
    c.subject?.kind === 'listing'
      ? `/market/${c.subject.id}`
      : c.subject?.kind === 'session'
        ? `/sessions/${c.subject.id}`
        : null;
  const showLink = (id: string) => `?${before ? `before=${before}&` : ''}show=${id}#m-${id}`;
  return (
    <section className="narrow">
      <p className="small">
        <Link to="/messages">{t('messaging.conversation.back')}</Link>
      </p>
      <h1>{t('messaging.conversation.title', { name: c.other.name })}</h1>
      {c.subject ? (
        <p className="small muted">
          {subjectLink ? (
            <Link to={subjectLink}>
              <SubjectLine subject={c.subject} />
            </Link>
          ) : (
            <SubjectLine subject={c.subject} />
          )}
        </p>
      ) : null}
      {c.older ? (
        <p>
          <Link to={`?before=${c.older}`}>{t('messaging.conversation.older')}</Link>
        </p>
      ) : null}
      {c.messages.length === 0 ? <p>{t('messaging.conversation.empty')}</p> : null}
      <ol className="messages" aria-label={t('messaging.conversation.list')}>
        {c.messages.map((m) => (
          <li key={m.id} id={`m-${m.id}`} className={`message${m.mine ? ' mine' : ''}`}>
            <p className="message-meta">
              <strong>{m.mine ? t('messaging.conversation.you') : c.other.name}</strong> · {dateTime(m.createdAt)}
            </p>
            {m.state === 'removed' ? (
              <p className="muted">{t('messaging.conversation.removed')}</p>
            ) : m.state === 'held' ? (
              <>
                <ScamWarning level={m.level} signals={m.signals}>
                  <p>
                    <Link
                      to={`/reports/new?message=${m.id}`}
                      rel="nofollow"
                      className="button danger"
                      aria-label={t('messaging.conversation.reportLabel')}
                    >
                      {t('messaging.conversation.report')}
                    </Link>
                  </p>
                </ScamWarning>
                <p>{t('messaging.conversation.held')}</p>
                <p>
                  <Link to={showLink(m.id)}>{t('messaging.conversation.showHeld')}</Link>
                </p>
              </>
            ) : (
              <>
                {!m.mine ? (
                  <ScamWarning level={m.level} signals={m.signals}>
                    <p>
                      <Link
                        to={`/reports/new?message=${m.id}`}
                        rel="nofollow"
                        className="button danger"
                        aria-label={t('messaging.conversation.reportLabel')}
                      >
                        {t('messaging.conversation.report')}
                      </Link>
                    </p>
                  </ScamWarning>
                ) : null}
                <p className="message-body">{m.body}</p>
                {m.mine && m.maskedForOther.length ? (
                  <p className="small notice-warn">{t('messaging.conversation.maskNote', { name: c.other.name })}</p>
                ) : null}
                {m.mine && m.level !== 'none' ? (
                  <p className="small muted">{t('messaging.conversation.warnedToOther')}</p>
                ) : null}
                {m.mine && m.removedForOther ? (
                  <p className="small muted">{t('messaging.conversation.removedForOther')}</p>
                ) : null}
              </>
            )}
            {/* Only what she received can be reported (the moderation module decides again on the form). */}
            {!m.mine && m.state !== 'removed' && !(m.level !== 'none' && m.signals.length) ? (
              <p className="message-report">
                <Link
                  to={`/reports/new?message=${m.id}`}
                  rel="nofollow"
                  className="button secondary"
                  aria-label={t('messaging.conversation.reportLabel')}
                >
                  {t('messaging.conversation.report')}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {before ? (
        <p>
          <Link to={`/messages/${c.id}`}>{t('messaging.conversation.newest')}</Link>
        </p>
      ) : null}
      {!c.deal && c.messages.some((m) => !m.mine && m.state === 'shown' && m.body?.includes('•••')) ? (
        <p className="small muted">{t('messaging.conversation.maskedOther')}</p>
      ) : null}
      {c.iBlocked ? (
        <p className="notice-warn">{t('messaging.conversation.youBlocked', { name: c.other.name })}</p>
      ) : c.blockedMe ? (
        <p className="notice-warn">{t('messaging.conversation.blockedMe')}</p>
      ) : (
        <SendForm key={location.key} reply={reply} />
      )}
      {c.muted ? <p className="small muted">{t('messaging.conversation.mutedNote')}</p> : null}
      <h2 className="small">{t('messaging.conversation.actions')}</h2>
      <div className="conversation-actions">
        <Form noValidate method="post">
          <button type="submit" name="intent" value={c.muted ? 'unmute' : 'mute'} className="secondary">
            {t(c.muted ? 'messaging.conversation.unmute' : 'messaging.conversation.mute')}
          </button>
        </Form>
        <Form noValidate method="post">
          <button type="submit" name="intent" value={c.iBlocked ? 'unblock' : 'block'} className="secondary">
            {t(c.iBlocked ? 'messaging.conversation.unblock' : 'messaging.conversation.block', { name: c.other.name })}
          </button>
        </Form>
      </div>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'messaging.conversation.title', { params: { name: data?.conversation.other.name ?? '' } });
