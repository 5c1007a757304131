import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { FieldShell, FormError, SelectField, TextAreaField } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { awaitConfirmation, formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { localeFromRequest } from '~/lib/i18n.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { actionSchema } from '~/modules/moderation/forms.server';
import { staffActions } from '~/modules/moderation/options';
import { findReportForStaff, moderate, reportInScope } from '~/modules/moderation/moderation.server';
import { suspensionPeriods } from '~/modules/moderation/suspension';
import { isUuid } from '~/lib/ids';
import { assigneesOf } from '~/modules/verification/assignments.server';
import { answerDeskForm, clearClosedReports, colleaguesFor } from '~/modules/union/desk.server';
import { DeskBox } from '~/modules/union/desk-box';

// One report: the item with its context, the detector's signals in the staff
// member's language, the person's history, and the actions (each with a reason).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const locale = await localeFromRequest(request, staff.locale);
  const found = await findReportForStaff(params.id, locale, staff.scope);
  if (!found) throw new Response('Not found', { status: 404 });
  const id = found.report.id;
  const [held, colleagues] = await Promise.all([assigneesOf('report', [id]), colleaguesFor('report', id)]);
  return { ...found, desk: { assignee: held.get(id) ?? null, colleagues, me: staff.id } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const id = params.id;
  // Outside her scope the report does not exist for her, whatever the form says.
  if (!isUuid(id) || !(await reportInScope(staff.scope, id))) throw new Response('Not found', { status: 404 });
  const form = await readForm(request);
  // Take, release, give to a colleague (issue 19): of two officers taking it at once, one holds it.
  const desk = await answerDeskForm(form, {
    staffId: staff.id,
    scope: staff.scope,
    kind: 'report',
    itemId: id,
    back: `/staff/reports/${id}`,
  });
  if (desk) return desk;
  const parsed = parseForm(form, actionSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const pending = awaitConfirmation(form);
  if (pending) return pending;
  const result = await moderate({
    reportId: id,
    staff,
    action: parsed.data.action,
    reason: parsed.data.reason,
    period: parsed.data.period,
    seen: parsed.data.seen,
  });
  if (!result.ok) {
    if (result.problem === 'not-found') throw new Response('Not found', { status: 404 });
    const status =
      result.problem === 'self' || result.problem === 'forbidden' ? 403 : result.problem === 'changed' ? 409 : 400;
    return formError(form, { form: `moderation.problem.${result.problem}` }, status);
  }
  await clearClosedReports();
  return redirect(`/staff/reports/${id}?notice=notice.moderation.done`);
}

export default function ReportPage() {
  const { report, subject, listing, messages, review, detected, earlier, actions, available, seen, desk } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, date, dateTime } = useI18n();
  const chosen = reply?.values?.action;
  // The decision waiting for her confirmation (the values the server sent back, checked against the choices).
  const confirming = reply && 'confirm' in reply && reply.values ? reply.values : null;
  const confirmAction = staffActions.find((a) => a === confirming?.action);
  const confirmPeriod = suspensionPeriods.find((p) => p === confirming?.period);
  return (
    <section>
      <p className="small">
        <Link to="/staff/reports">{t('moderation.detail.back')}</Link>
      </p>
      <h1>
        {t('moderation.detail.title')}: {t(`moderation.category.${report.category}`)}
      </h1>
      {report.status === 'open' ? <DeskBox {...desk} reply={reply} /> : null}
      <p>
        {report.reporter_name ?? t('moderation.queue.system')} ·{' '}
        {t('moderation.detail.filed', { date: dateTime(report.created_at) })} ·{' '}
        {t(`moderation.status.${report.status}`)}
      </p>
      {report.status === 'resolved' && report.resolution ? (
        <p className="muted">
          {t('moderation.detail.resolved', {
            resolution: t(`moderation.resolution.${report.resolution}`),
            name: report.resolver_name ?? '—',
            date: report.resolved_at ? dateTime(report.resolved_at) : '—',
          })}
        </p>
      ) : null}
      {report.reporter_id ? (
        <>
          <h2>{t('moderation.detail.note')}</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{report.note || t('moderation.detail.noNote')}</p>
        </>
      ) : null}

      <h2>{t('moderation.detail.item')}</h2>
      {report.message_id ? (
        messages && messages.length ? (
          <section aria-labelledby="conversation-title">
            <h3 id="conversation-title">{t('moderation.detail.conversation')}</h3>
            <ol className="plain-list">
              {messages.map((m) => (
                <li key={m.id} className={m.id === report.message_id ? 'card notice-warn' : 'card'}>
                  <strong>{m.sender_name}</strong> <span className="muted small">{dateTime(m.created_at)}</span>
                  {m.id === report.message_id ? (
                    <span className="small"> · {t('moderation.detail.reportedMessage')}</span>
                  ) : null}
                  <p style={{ whiteSpace: 'pre-line' }}>{m.body}</p>
                </li>
              ))}
            </ol>
          </section>
        ) : (
          <p className="muted">{t('moderation.detail.messageGone')}</p>
        )
      ) : report.listing_id ? (
        listing ? (
          <div className="card">
            <h3>
              <Link to={`/market/${listing.id}`}>{listing.title}</Link>
            </h3>
            <p className="small">
              {t('moderation.detail.listingState', {
                state: t(`market.state.${listing.state}`),
                moderation: t(`moderation.state.${listing.moderation_state}`),
              })}
            </p>
            <p style={{ whiteSpace: 'pre-line' }}>{listing.description || t('moderation.detail.noText')}</p>
          </div>
        ) : (
          <p className="muted">{t('moderation.detail.listingGone')}</p>
        )
      ) : report.review_order_id && review ? (
        <div className="card">
          <h3>{t('reviews.staff.title')}</h3>
          {review.hidden_at ? <p className="notice-warn">{t('reviews.staff.hidden')}</p> : null}
          <p>{t('orders.review.stars', { rating: review.rating })}</p>
          <p style={{ whiteSpace: 'pre-line' }}>{review.comment || t('moderation.detail.noText')}</p>
          {review.photos.length ? (
            <p className="review-photos" aria-label={t('reviews.staff.photos')}>
              {review.photos.map((p, index) =>
                p.thumbUrl && p.smallUrl ? (
                  <a key={p.id} href={p.smallUrl}>
                    <img
                      src={p.thumbUrl}
                      alt={t('reviews.photo.alt', { n: index + 1, name: subject.display_name })}
                      width={120}
                      height={120}
                      style={{ objectFit: 'cover' }}
                      loading="lazy"
                    />
                  </a>
                ) : null,
              )}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="card">
          <h3>{t('moderation.detail.story')}</h3>
          {subject.story_held ? <p className="notice-warn">{t('moderation.detail.held')}</p> : null}
          <p style={{ whiteSpace: 'pre-line' }}>{subject.story || t('moderation.detail.noText')}</p>
          {subject.mentor_status ? (
            <>
              <h3>{t('moderation.detail.bio')}</h3>
              {subject.bio_held ? <p className="notice-warn">{t('moderation.detail.held')}</p> : null}
              <p style={{ whiteSpace: 'pre-line' }}>{subject.bio || t('moderation.detail.noText')}</p>
            </>
          ) : null}
        </div>
      )}

      <h2>{t('moderation.detail.signals')}</h2>
      {detected.signals.length ? (
        <>
          <p>{t('moderation.detail.level', { level: t(`moderation.level.${detected.level}`) })}</p>
          <ul>
            {detected.signals.map((s) => (
              <li key={s.code}>
                <code>{s.code}</code>: {s.message}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('moderation.detail.noSignals')}</p>
      )}

      <h2>{t('moderation.detail.person')}</h2>
      <div className="card">
        <p>
          <strong>{subject.business_name ?? subject.display_name}</strong> · {subject.display_name} · {subject.email}
          {subject.slug ? (
            <>
              {' · '}
              <Link to={`/s/${subject.slug}`}>/s/{subject.slug}</Link>
            </>
          ) : null}
        </p>
        <p>{t('moderation.detail.since', { date: date(subject.created_at) })}</p>
        {subject.business_status ? (
          <p>
            {t('moderation.detail.business', {
              status: t(`verification.status.${subject.business_status}`),
            })}
          </p>
        ) : null}
        {subject.mentor_status ? (
          <p>{t('moderation.detail.mentor', { status: t(`verification.status.${subject.mentor_status}`) })}</p>
        ) : null}
        <p>
          {!subject.suspended
            ? t('moderation.detail.notSuspended')
            : subject.suspended_until
              ? t('moderation.detail.suspendedUntil', {
                  date: dateTime(subject.suspended_until),
                  reason: subject.suspension_reason ?? '',
                })
              : t('moderation.detail.suspendedForGood', { reason: subject.suspension_reason ?? '' })}
        </p>
      </div>

      <h3>{t('moderation.detail.earlier')}</h3>
      {earlier.length ? (
        <ul>
          {earlier.map((r) => (
            <li key={r.id}>
              <Link to={`/staff/reports/${r.id}`}>{t(`moderation.category.${r.category}`)}</Link> ·{' '}
              {r.reporter_name ?? t('moderation.queue.system')} · {dateTime(r.created_at)} ·{' '}
              {r.resolution ? t(`moderation.resolution.${r.resolution}`) : t(`moderation.status.${r.status}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('moderation.detail.noEarlier')}</p>
      )}
      <h3>{t('moderation.detail.actions')}</h3>
      {actions.length ? (
        <ul>
          {actions.map((a) => (
            <li key={a.id}>
              {t(`moderation.action.${a.action}`)} · {a.staff_name ?? '—'} · {dateTime(a.created_at)}: {a.reason}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('moderation.detail.noActions')}</p>
      )}

      <h2 id="decide-title">{t('moderation.detail.decide')}</h2>
      {confirming && confirmAction ? (
        <Form noValidate method="post" className="stack confirm-box" aria-labelledby="confirm-title">
          <div role="alert">
            <h3 id="confirm-title">
              {t('staff.confirm.title', { decision: t(`moderation.action.${confirmAction}`) })}
            </h3>
          </div>
          {confirmAction === 'suspend' && confirmPeriod ? (
            <p>
              <strong>{t('moderation.detail.period')}:</strong> {t(`moderation.period.${confirmPeriod}`)}
            </p>
          ) : null}
          <p>
            <strong>{t('moderation.detail.reason')}:</strong> {confirming.reason}
          </p>
          {(['action', 'period', 'reason', 'seen'] as const).map((name) => (
            <input key={name} type="hidden" name={name} value={confirming[name] ?? ''} />
          ))}
          <input type="hidden" name="confirmed" value="yes" />
          <button type="submit">
            {t('staff.confirm.send', { decision: t(`moderation.action.${confirmAction}`) })}
          </button>
          <p className="muted">{t('staff.confirm.edit')}</p>
        </Form>
      ) : null}
      <Form method="post" className="stack" noValidate aria-labelledby="decide-title">
        {reply?.values?.intent ? null : <FormError reply={reply} />}
        <input type="hidden" name="seen" value={seen} />
        <FieldShell id="field-action" label={t('moderation.detail.action')} error={reply?.errors?.action}>
          {(control) => (
            <select id="field-action" name="action" defaultValue={chosen ?? ''} required {...control}>
              <option value="">—</option>
              {available.map((a) => (
                <option key={a} value={a}>
                  {t(`moderation.action.${a}`)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        {available.includes('suspend') ? (
          <SelectField
            name="period"
            label={t('moderation.detail.period')}
            hint={t('moderation.detail.periodHint')}
            reply={reply}
            defaultValue="7"
            options={suspensionPeriods.map((p) => ({ value: p, label: t(`moderation.period.${p}`) }))}
          />
        ) : null}
        <TextAreaField
          name="reason"
          label={t('moderation.detail.reason')}
          hint={t('moderation.detail.reasonHint')}
          reply={reply}
          required
          maxLength={1000}
          rows={4}
        />
        <p>
          <button type="submit">{t('moderation.detail.submit')}</button>
        </p>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'moderation.detail.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
