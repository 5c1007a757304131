import { Form } from '@remix-run/react';
import { FormError, type FormReplyData } from '~/components/form';
import { useI18n } from '~/lib/i18n';
import type { Pace } from './pace.server';

// Issue 19: who holds a queue item, and her buttons: take it, release it, or give
// it to a colleague whose scope covers it. Plain forms: works without JavaScript.

export const deskIntents = ['take', 'release', 'assign'] as const;

export function DeskBox({
  assignee,
  me,
  colleagues,
  reply,
}: {
  assignee: { id: string; name: string } | null;
  me: string;
  colleagues: { id: string; name: string }[];
  reply: FormReplyData;
}) {
  const { t } = useI18n();
  const mine = assignee?.id === me;
  const others = colleagues.filter((c) => c.id !== me && c.id !== assignee?.id);
  const intent = reply?.values?.intent;
  const canGive = !assignee || mine;
  return (
    <div className="card stack" data-testid="desk">
      {intent === 'take' || intent === 'release' || intent === 'assign' ? <FormError reply={reply} /> : null}
      <p>{assignee ? t('union.assign.heldBy', { name: assignee.name }) : t('union.assign.free')}</p>
      {assignee && !mine ? null : (
        <Form method="post" noValidate>
          <button type="submit" name="intent" value={mine ? 'release' : 'take'} className="secondary">
            {t(mine ? 'union.assign.release' : 'union.assign.take')}
          </button>
        </Form>
      )}
      {canGive && others.length ? (
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="assign" />
          <div className="field">
            <label htmlFor="desk-to">{t('udesk.assign.to')}</label>
            <select id="desk-to" name="to" defaultValue={reply?.values?.to ?? ''}>
              <option value="">{t('udesk.assign.pick')}</option>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t('udesk.assign.submit')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** "3 ngày làm việc" and, past the target, the badge "quá hạn". */
export function PaceBadge({ pace }: { pace: Pace | null | undefined }) {
  const { t } = useI18n();
  if (!pace) return <>—</>;
  return (
    <>
      {t('udesk.pace.days', { count: pace.waitingDays })}
      {pace.overdue ? (
        <>
          {' '}
          <strong className="badge-overdue">{t('udesk.pace.overdue')}</strong>
        </>
      ) : null}
    </>
  );
}
