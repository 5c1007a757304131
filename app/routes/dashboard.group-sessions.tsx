import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError, SelectField, TextAreaField } from '~/components/form';
import { hasRole, requireRole, requireUser } from '~/lib/auth.server';
import { invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { groupSessionSchema } from '~/modules/mentoring/group-forms.server';
import { createGroupSession, listHostedGroupSessions } from '~/modules/mentoring/group.server';
import { meetingModes } from '~/modules/mentoring/options';
import { SessionTime } from '~/modules/mentoring/slot-picker';
import { isApprovedMentor } from '~/modules/verification';

// A host's group sessions: an approved mentor or a Union trainer (staff) opens
// them here. Everyone else: 403.

async function requireHost(request: Request) {
  const user = await requireUser(request);
  // Staff go through requireRole for its two-step rule.
  if (hasRole(user, 'staff')) return requireRole(request, 'staff');
  if (hasRole(user, 'mentor') && (await isApprovedMentor(user.id))) return user;
  throw new Response('Forbidden', { status: 403 });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireHost(request);
  const rows = await listHostedGroupSessions(user.id);
  return {
    sessions: rows.map((s) => ({
      id: s.id,
      title: s.title,
      start: s.starts_at.toISOString(),
      end: s.ends_at.toISOString(),
      taken: s.seats_taken,
      seats: s.seats,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireHost(request);
  const parsed = parseForm(await readForm(request), groupSessionSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const id = await createGroupSession(user.id, parsed.data);
  return redirect(`/group-sessions/${id}?notice=notice.depth.created`);
}

export default function HostGroupSessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('depth.group.mine')}</h1>
      <ul className="plain-list">
        {sessions.map((s) => (
          <li key={s.id}>
            <Link to={`/group-sessions/${s.id}`}>{s.title}</Link> · <SessionTime start={s.start} end={s.end} /> ·{' '}
            {s.taken}/{s.seats}
          </li>
        ))}
      </ul>
      <h2>{t('depth.group.new')}</h2>
      <Form method="post" className="stack" noValidate>
        <FormError
          reply={reply}
          labels={{
            title: t('depth.group.field.title'),
            startsAt: t('depth.group.field.startsAt'),
            minutes: t('depth.group.field.minutes'),
            seats: t('depth.group.field.seats'),
            price: t('paidseat.field.price'),
          }}
        />
        <Field name="title" label={t('depth.group.field.title')} reply={reply} required maxLength={120} />
        <TextAreaField name="description" label={t('depth.group.field.description')} reply={reply} maxLength={2000} />
        <Field name="startsAt" type="datetime-local" label={t('depth.group.field.startsAt')} reply={reply} required />
        <Field
          name="minutes"
          label={t('depth.group.field.minutes')}
          reply={reply}
          defaultValue="90"
          inputMode="numeric"
          maxLength={3}
        />
        <Field
          name="seats"
          label={t('depth.group.field.seats')}
          reply={reply}
          defaultValue="20"
          inputMode="numeric"
          maxLength={3}
        />
        <Field
          name="price"
          label={t('paidseat.field.price')}
          reply={reply}
          defaultValue="0"
          inputMode="numeric"
          maxLength={13}
        />
        <SelectField
          name="meetingMode"
          label={t('depth.group.field.meetingMode')}
          reply={reply}
          options={meetingModes.map((m) => ({ value: m, label: t(`mentoring.mode.${m}`) }))}
        />
        <Field name="meetingPlace" label={t('depth.group.field.meetingPlace')} reply={reply} maxLength={300} />
        <button type="submit">{t('depth.group.create')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'depth.group.mine');

export function ErrorBoundary() {
  return <ErrorPage />;
}
