import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { personInScope, requireStaff } from '~/lib/auth.server';
import { categoryName } from '~/lib/categories';
import { awaitConfirmation, formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinceName } from '~/lib/provinces';
import { decideSchema, meetingSchema } from '~/modules/verification/forms.server';
import { isReasonFor, type Subject } from '~/modules/verification/states';
import {
  decideRenewal,
  findReview,
  listMeetings,
  recordMeeting,
  sameIdentityAccounts,
  transition,
} from '~/modules/verification';
import { DecisionForms, type Reply } from '~/modules/verification/decision-forms';
import { IdentityWarning, Meetings } from '~/modules/verification/review-parts';
import { assigneesOf, clearAssignment } from '~/modules/verification/assignments.server';
import { answerDeskForm, colleaguesFor } from '~/modules/union/desk.server';
import { DeskBox } from '~/modules/union/desk-box';
import { assistedSignupOf } from '~/modules/union/assisted-signup.server';
import { AssistedBy } from '~/modules/union/assisted-by';
import { isUuid } from '~/lib/ids';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const id = params.id ?? '';
  const review = isUuid(id) ? await findReview(id, staff.scope) : null;
  if (!review) throw new Response('Not found', { status: 404 });
  const [held, colleagues, assisted, sameIdentity, meetings] = await Promise.all([
    assigneesOf('verification', [id]),
    colleaguesFor('verification', id),
    assistedSignupOf(id),
    sameIdentityAccounts(id, staff.scope),
    listMeetings(id),
  ]);
  return { ...review, assignee: held.get(id) ?? null, colleagues, assisted, me: staff.id, sameIdentity, meetings };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const id = params.id ?? '';
  // Outside her scope the person does not exist for her, whatever the form says.
  if (!isUuid(id) || !(await personInScope(staff.scope, id))) throw new Response('Not found', { status: 404 });
  const form = await readForm(request);
  // Take, release, give to a colleague: settled by the database (of two officers at once, one holds it).
  const desk = await answerDeskForm(form, {
    staffId: staff.id,
    scope: staff.scope,
    kind: 'verification',
    itemId: id,
    back: `/staff/verifications/${id}`,
  });
  if (desk) return desk;
  if (form.get('intent') === 'meeting') {
    const met = parseForm(form, meetingSchema);
    if (!met.ok) return invalid(met.reply);
    const saved = await recordMeeting({
      userId: id,
      staffId: staff.id,
      scope: staff.scope,
      metOn: met.data.metOn,
      place: met.data.place,
      note: met.data.note ?? '',
    });
    if (!saved.ok && saved.problem === 'not-found') throw new Response('Not found', { status: 404 });
    if (!saved.ok) return formError(form, { form: 'verification.problem.self' }, 403);
    return redirect(`/staff/verifications/${id}?notice=notice.meeting.saved`);
  }
  const parsed = parseForm(form, decideSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const { decision, reasonCode, reasonText } = parsed.data;
  if (!isReasonFor(decision, reasonCode) || (reasonCode === 'other' && !reasonText)) {
    return formError(form, { reasonCode: 'verification.problem.reason-required' });
  }
  const pending = awaitConfirmation(form);
  if (pending) return pending;
  // A renewal with changes is decided as a first request is; her approval runs on meanwhile (issue 19).
  const renewal =
    parsed.data.subject === 'business'
      ? await decideRenewal({ userId: id, decision, actor: staff, scope: staff.scope, reasonCode, reasonText })
      : null;
  if (renewal) {
    if (!renewal.ok)
      return formError(
        form,
        renewal.problem === 'self'
          ? { form: 'verification.problem.self' }
          : { reasonCode: 'verification.problem.reason-required' },
        renewal.problem === 'self' ? 403 : 400,
      );
    await clearAssignment('verification', id);
    return redirect(`/staff/verifications/${id}?notice=notice.verification.decided`);
  }
  const result = await transition({
    subject: parsed.data.subject as Subject,
    userId: id,
    name: parsed.data.decision,
    actor: staff,
    scope: staff.scope,
    reasonCode: parsed.data.reasonCode,
    reasonText: parsed.data.reasonText,
  });
  if (!result.ok) {
    if (result.problem === 'not-found') throw new Response('Not found', { status: 404 });
    const field = result.problem === 'reason-required' ? 'reasonCode' : 'form';
    return formError(
      form,
      { [field]: `verification.problem.${result.problem}` },
      result.problem === 'self' || result.problem === 'forbidden' ? 403 : 400,
    );
  }
  await clearAssignment('verification', id);
  return redirect(`/staff/verifications/${id}?notice=notice.verification.decided`);
}

export default function Review() {
  const { user, business, mentor, documents, events, assignee, colleagues, assisted, me, sameIdentity, meetings } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, locale, date, dateTime } = useI18n();
  return (
    <section>
      <p>
        <Link to="/staff/verifications">{t('staff.queue.title')}</Link>
      </p>
      <DeskBox assignee={assignee} me={me} colleagues={colleagues} reply={reply as Reply} />
      <h1>
        {t('staff.review.title')}: {business?.business_name ?? user.display_name}
      </h1>
      <p className="muted">
        {t('staff.review.account')}: {user.display_name} · {user.email}
        {' · '}
        <Link to={`/staff/people/${user.id}/deliveries`}>{t('notify.staff.link')}</Link>
      </p>
      <AssistedBy assisted={assisted} />

      <IdentityWarning sameIdentity={sameIdentity} />
      {business ? (
        <>
          <h2>{t('staff.review.business')}</h2>
          <dl>
            <dt>{t('staff.queue.state')}</dt>
            <dd data-testid="business-status">{t(`verification.status.${business.verification_status}`)}</dd>
            <dt>{t('verification.field.businessName')}</dt>
            <dd>{business.business_name}</dd>
            <dt>{t('verification.field.ownerName')}</dt>
            <dd>{business.owner_name}</dd>
            <dt>{t('verification.field.province')}</dt>
            <dd>{provinceName(business.province, locale)}</dd>
            <dt>{t('verification.field.categories')}</dt>
            <dd>{business.categories.map((c) => categoryName(c, locale)).join(', ') || '—'}</dd>
            <dt>{t('verification.field.story')}</dt>
            <dd>{business.story || '—'}</dd>
            <dt>{t('verification.field.contactPhone')}</dt>
            <dd>{business.contact_phone ?? '—'}</dd>
            <dt>{t('verification.field.contactEmail')}</dt>
            <dd>{business.contact_email ?? '—'}</dd>
            <dt>{t('identity.field.label')}</dt>
            <dd data-testid="id-number">
              {business.id_number_last3 ? t('identity.masked', { last3: business.id_number_last3 }) : '—'}
            </dd>
            {business.verified_until ? (
              <>
                <dt>{t('renewal.staff.until')}</dt>
                <dd>{date(business.verified_until)}</dd>
              </>
            ) : null}
            <dt>{t('verification.field.slug')}</dt>
            <dd>
              <Link to={`/s/${business.slug}`}>/s/{business.slug}</Link>
            </dd>
          </dl>
          <p>
            {business.women_led_declared_at
              ? t('staff.review.declared', { date: dateTime(business.women_led_declared_at) })
              : t('staff.review.notDeclared')}
          </p>

          <h3>{t('staff.review.documents')}</h3>
          {documents.length ? (
            <ul>
              {documents.map((d) => (
                <li key={d.id}>
                  {t(`verification.documentKind.${d.kind}`)} · {d.original_name} · {Math.ceil(d.size_bytes / 1024)} KB ·{' '}
                  {dateTime(d.created_at)}{' '}
                  {d.deleted_at ? (
                    <span className="muted">({t('verification.dashboard.documentDeleted')})</span>
                  ) : (
                    <>
                      <a href={`/staff/documents/${d.id}`} target="_blank" rel="noreferrer">
                        {t('staff.review.open')}
                      </a>
                      {d.thumbnail_key ? (
                        <div>
                          <img
                            src={`/staff/documents/${d.id}?thumbnail=1`}
                            alt={d.original_name}
                            width={160}
                            loading="lazy"
                          />
                        </div>
                      ) : null}
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('verification.dashboard.noDocuments')}</p>
          )}

          {business.renewal_review ? (
            <div className="card" data-testid="renewal-changes">
              <h3>{t('renewal.changes.mark')}</h3>
              <p>
                {business.renewal_review === 'submitted'
                  ? t('renewal.changes.staffWaiting')
                  : t('renewal.changes.staffAsked')}
              </p>
              <p>
                <strong>{t('renewal.changes.field')}:</strong> {business.renewal_changes}
              </p>
            </div>
          ) : null}
          <h3>{t('staff.review.decide')}</h3>
          <DecisionForms
            subject="business"
            status={business.verification_status}
            renewalReview={business.renewal_review}
            reply={reply}
          />
        </>
      ) : null}

      {mentor ? (
        <>
          <h2>{t('staff.review.mentor')}</h2>
          <dl>
            <dt>{t('staff.queue.state')}</dt>
            <dd data-testid="mentor-status">{t(`verification.status.${mentor.status}`)}</dd>
            <dt>{t('verification.field.expertise')}</dt>
            <dd>{mentor.expertise.map((e) => t(`verification.expertise.${e}`)).join(', ')}</dd>
            <dt>{t('verification.field.languages')}</dt>
            <dd>{mentor.languages.map((l) => t(`verification.language.${l}`)).join(', ')}</dd>
            <dt>{t('verification.field.province')}</dt>
            <dd>{provinceName(mentor.province, locale)}</dd>
            <dt>{t('verification.field.experience')}</dt>
            <dd>{mentor.experience}</dd>
            <dt>{t('verification.field.bio')}</dt>
            <dd>{mentor.bio}</dd>
          </dl>
          <h3>{t('staff.review.decide')}</h3>
          <DecisionForms subject="mentor" status={mentor.status} reply={reply} />
        </>
      ) : null}

      <Meetings meetings={meetings} reply={reply as Reply} />

      <h2>{t('staff.review.history')}</h2>
      {events.length ? (
        <ol data-testid="history">
          {events.map((e) => (
            <li key={e.id}>
              {dateTime(e.created_at)} · {t(`staff.kind.${e.subject}`)} ·{' '}
              {t('staff.review.event', {
                from: t(`verification.status.${e.from_status}`),
                to: t(`verification.status.${e.to_status}`),
              })}
              {e.actor_name ? ` · ${t('staff.review.by', { name: e.actor_name })}` : null}
              {e.reason_code ? ` · ${t(`verification.reason.${e.reason_code}`)}` : null}
              {e.reason_text ? ` · “${e.reason_text}”` : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('staff.review.noHistory')}</p>
      )}
      <p className="muted">{date(user.created_at)}</p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'staff.review.title');
