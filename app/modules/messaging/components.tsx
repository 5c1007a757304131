import { Form } from '@remix-run/react';
import { FormError, TextAreaField, type FormReplyData } from '~/components/form';
import { useI18n } from '~/lib/i18n';
import type { SignalCode } from '~/modules/safety/detector/signals';

// The pieces the messaging pages share: what a conversation is about, the send
// form with its warning before an off-platform payment request is sent.

export type SubjectView = { kind: 'listing' | 'order' | 'session'; id: string; title: string } | null;

export function SubjectLine({ subject }: { subject: SubjectView }) {
  const { t, dateTime } = useI18n();
  if (!subject) return null;
  const title = subject.kind === 'session' ? dateTime(subject.title) : subject.title;
  return <>{t(`messaging.subject.${subject.kind}`, { title })}</>;
}

export type SendReply = FormReplyData & { warn?: { level: string; codes: SignalCode[] } };

/** The form that sends a message. Works without JavaScript; after a warning it offers "send anyway". */
export function SendForm({ reply, action }: { reply?: SendReply; action?: string }) {
  const { t } = useI18n();
  const warn = reply?.warn;
  return (
    <Form noValidate method="post" action={action} className="message-form">
      <input type="hidden" name="intent" value="send" />
      {warn ? (
        <div className="scam-warning scam-warning--danger" role="alert">
          <p>
            <strong>{t('messaging.warn.title')}</strong>
          </p>
          <p>{t('messaging.warn.text')}</p>
          <p>{t('messaging.warn.why')}</p>
          <ul>
            {warn.codes.map((code) => (
              <li key={code}>{t(`safety.signal.${code}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormError reply={reply} />
      <TextAreaField
        name="body"
        label={t('messaging.form.body')}
        hint={t('messaging.form.hint')}
        reply={reply}
        rows={3}
        maxLength={2000}
        required
      />
      <button type="submit">{t('messaging.form.send')}</button>{' '}
      {warn ? (
        <button type="submit" name="confirmed" value="1" className="secondary">
          {t('messaging.form.sendAnyway')}
        </button>
      ) : null}
    </Form>
  );
}
