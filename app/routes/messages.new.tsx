import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { SendForm, SubjectLine, type SendReply } from '~/modules/messaging/components';
import { startSchema } from '~/modules/messaging/forms.server';
import styles from '~/modules/messaging/messaging.css';
import {
  canStartAbout,
  findPairConversation,
  startConversation,
  subjectFromQuery,
} from '~/modules/messaging/index.server';
import { appOrigin } from '~/lib/origin.server';
import { notFound } from '~/lib/responses';
import { redirectWithNotice } from '~/lib/redirect.server';

// Starts a conversation about a listing, an order or a mentoring booking
// (/messages/new?listing=<id> | ?order=<id> | ?session=<id>), or continues the
// pair's existing one. There is always a subject: no cold messages.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const subject = subjectFromQuery(new URL(request.url).searchParams);
  const decision = await canStartAbout(user, subject);
  if (!decision.ok)
    throw new Response(decision.status === 404 ? 'Not found' : 'Forbidden', { status: decision.status });
  const existing = await findPairConversation(user.id, decision.otherId);
  return {
    otherName: decision.otherName,
    subject: { ...decision.subject, title: decision.title },
    existing: existing?.id ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const subject = subjectFromQuery(new URL(request.url).searchParams);
  const parsed = parseForm(form, startSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await startConversation({
    sender: user,
    subject,
    body: parsed.data.body,
    confirmed: parsed.data.confirmed,
    trustedOrigins: [appOrigin()],
  });
  if (result.ok)
    throw redirectWithNotice(
      `/messages/${result.conversationId}`,
      result.masked ? 'notice.messaging.sentMasked' : 'notice.messaging.sent',
    );
  if ('warn' in result) return data<SendReply>({ warn: result.warn, errors: {}, values: { body: parsed.data.body } });
  if (result.status === 404) throw notFound();
  return formError(form, { form: result.error }, result.status);
}

export default function NewConversation() {
  const { otherName, subject, existing } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as SendReply | undefined;
  const { t } = useI18n();
  const subjectLink =
    subject.kind === 'listing'
      ? `/market/${subject.id}`
      : subject.kind === 'session'
        ? `/sessions/${subject.id}`
        : null;
  return (
    <section className="narrow">
      <h1>{t('messaging.start.title', { name: otherName })}</h1>
      <p>
        {t('messaging.start.about')}:{' '}
        {subjectLink ? (
          <Link to={subjectLink}>
            <SubjectLine subject={subject} />
          </Link>
        ) : (
          <SubjectLine subject={subject} />
        )}
      </p>
      {existing ? (
        <p className="small">
          {t('messaging.start.existing', { name: otherName })}{' '}
          <Link to={`/messages/${existing}`}>{t('messaging.start.open')}</Link>
        </p>
      ) : null}
      <SendForm reply={reply} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'messaging.start.title', { params: { name: data?.otherName ?? '' } });
