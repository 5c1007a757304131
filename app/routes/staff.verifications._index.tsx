import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError, SelectField, TextAreaField } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { invalid, parseForm, readForm } from '~/lib/forms.server';
import { bulkSchema } from '~/modules/verification/forms.server';
import { reasonCodes } from '~/modules/verification/states';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { isProvinceCode, provinceName, provinces } from '~/lib/provinces';
import { verificationStatuses, type Subject, type VerificationStatus } from '~/modules/verification/states';
import { listQueue, requestMoreInfoBulk } from '~/modules/verification';
import { assigneesOf } from '~/modules/verification/assignments.server';
import { overdueFirst, queueTargetDays } from '~/modules/union/pace.server';
import { PaceBadge } from '~/modules/union/desk-box';

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const province = url.searchParams.get('province');
  const status = url.searchParams.get('status');
  const subject = url.searchParams.get('kind');
  const filters = {
    province: isProvinceCode(province) ? province : undefined,
    status: (verificationStatuses as readonly string[]).includes(status ?? '')
      ? (status as VerificationStatus)
      : 'submitted',
    subject: subject === 'business' || subject === 'mentor' ? (subject as Subject) : undefined,
  };
  const items = await listQueue(staff.scope, filters);
  const held = await assigneesOf(
    'verification',
    items.map((i) => i.user_id),
  );
  // Waiting against the target (issue 19): the oldest over-target first (submitted requests only wait).
  const waiting = filters.status === 'submitted';
  const withHolder = items.map((i) => ({ ...i, assignee: held.get(i.user_id)?.name ?? null }));
  return {
    items: waiting ? overdueFirst(withHolder, (i) => i.submitted_at) : withHolder.map((i) => ({ ...i, pace: null })),
    filters,
    target: queueTargetDays(),
  };
}

/** Bulk "request more information": the same reason to the selected requests, all in her scope or none. */
export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(form, bulkSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await requestMoreInfoBulk({
    items: parsed.data.item.map((value) => {
      const [subject, userId] = value.split(':');
      return { subject: subject === 'mentor' ? 'mentor' : 'business', userId: (userId ?? '').toLowerCase() };
    }),
    actor: staff,
    scope: staff.scope,
    reasonCode: parsed.data.reasonCode,
    reasonText: parsed.data.reasonText ?? null,
  });
  if (!result.ok) throw new Response('Not found', { status: 404 });
  return redirect('/staff/verifications?notice=notice.bulk.sent');
}

export default function Queue() {
  const { items, filters, target } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const bulk = filters.status === 'submitted' && items.length > 0;
  const { t, locale, dateTime } = useI18n();
  return (
    <section>
      <h1>{t('staff.queue.title')}</h1>
      <p>
        <Link to="/staff/impact">{t('staff.queue.impact')}</Link> ·{' '}
        <Link to="/staff/outcomes">{t('union.nav.outcomes')}</Link> ·{' '}
        <Link to="/staff/team">{t('union.nav.team')}</Link> · <Link to="/staff/assist">{t('udesk.assist.link')}</Link>
      </p>
      <p className="muted">{t('udesk.pace.target', { n: target })}</p>
      <Form noValidate method="get" className="cards" aria-label={t('staff.queue.filter')}>
        <SelectField
          idPrefix="f"
          name="status"
          label={t('staff.queue.state')}
          defaultValue={filters.status}
          options={verificationStatuses.map((s) => ({ value: s, label: t(`verification.status.${s}`) }))}
        />
        <SelectField
          idPrefix="f"
          name="province"
          label={t('verification.field.province')}
          defaultValue={filters.province ?? ''}
          options={[
            { value: '', label: t('staff.queue.allProvinces') },
            ...provinces.map((p) => ({ value: p.code, label: p[locale] })),
          ]}
        />
        <SelectField
          idPrefix="f"
          name="kind"
          label={t('staff.queue.kind')}
          defaultValue={filters.subject ?? ''}
          options={[
            { value: '', label: t('staff.queue.allKinds') },
            { value: 'business', label: t('staff.kind.business') },
            { value: 'mentor', label: t('staff.kind.mentor') },
          ]}
        />
        <div className="field">
          <button type="submit">{t('staff.queue.filter')}</button>
        </div>
      </Form>
      {items.length ? (
        <Form method="post" noValidate id="bulk" className="stack">
          <FormError reply={reply} idPrefix="bulk" labels={{ item: t('bulk.select') }} />
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  {bulk ? <th scope="col">{t('bulk.select')}</th> : null}
                  <th scope="col">{t('staff.queue.name')}</th>
                  <th scope="col">{t('staff.queue.kind')}</th>
                  <th scope="col">{t('verification.field.province')}</th>
                  <th scope="col">{t('staff.queue.state')}</th>
                  <th scope="col">{t('staff.queue.submitted')}</th>
                  <th scope="col">{t('udesk.pace.column')}</th>
                  <th scope="col">{t('union.assign.column')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={`${item.subject}-${item.user_id}`}>
                    {bulk ? (
                      <td>
                        <input
                          type="checkbox"
                          name="item"
                          value={`${item.subject}:${item.user_id}`}
                          aria-label={`${t('bulk.select')}: ${item.title}`}
                        />
                      </td>
                    ) : null}
                    <td>
                      <Link to={`/staff/verifications/${item.user_id}`}>{item.title}</Link>
                      {item.subject === 'business' ? <span className="muted"> · {item.display_name}</span> : null}
                    </td>
                    <td>{t(`staff.kind.${item.subject}`)}</td>
                    <td>{provinceName(item.province, locale)}</td>
                    <td>
                      {t(`verification.status.${item.status}`)}
                      {item.renewal ? <strong className="badge"> {t('renewal.changes.mark')}</strong> : null}
                    </td>
                    <td>{item.submitted_at ? dateTime(item.submitted_at) : '—'}</td>
                    <td>
                      <PaceBadge pace={item.pace} />
                    </td>
                    <td>{item.assignee ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {bulk ? (
            <fieldset className="stack narrow">
              <legend>{t('bulk.title')}</legend>
              <p className="muted">{t('bulk.hint')}</p>
              <input type="hidden" name="intent" value="bulkNeedsInfo" />
              <SelectField
                idPrefix="bulk"
                name="reasonCode"
                label={t('verification.field.reasonCode')}
                reply={reply}
                defaultValue=""
                options={[
                  { value: '', label: t('staff.confirm.pickReason') },
                  ...reasonCodes.needs_info.map((code) => ({
                    value: code,
                    label: t(`verification.reason.${code}`),
                  })),
                ]}
              />
              <TextAreaField
                idPrefix="bulk"
                name="reasonText"
                label={t('verification.field.reasonText')}
                reply={reply}
                maxLength={2000}
              />
              <button type="submit" className="secondary">
                {t('bulk.send')}
              </button>
            </fieldset>
          ) : null}
        </Form>
      ) : (
        <p className="muted">{t('staff.queue.empty')}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'staff.queue.title');
