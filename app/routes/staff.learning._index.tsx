import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { localeFromRequest } from '~/lib/i18n.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { CheckBox, TextArea } from '~/modules/learning/components';
import styles from '~/modules/learning/learning.css';
import { createCourseSchema } from '~/modules/learning/forms.server';
import { createCourse, listCourseFigures } from '~/modules/learning/staff.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, { country: true });
  const locale = await localeFromRequest(request, user.locale);
  return { courses: await listCourseFigures(locale) };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireStaff(request, { country: true });
  const form = await readForm(request);
  const parsed = parseForm(form, createCourseSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const created = await createCourse(parsed.data);
  if (!created.ok) return formError(form, { slug: 'learning.staff.slugTaken' });
  return redirect(`/staff/learning/${parsed.data.slug}?notice=notice.saved`);
}

export default function StaffLearning() {
  const { courses } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('learning.staff.title')}</h1>
      <p>
        <Link to="/staff/learning/game">{t('learning.staff.cards')}</Link>
      </p>
      <h2>{t('learning.staff.figures')}</h2>
      <div style={{ overflowX: 'auto' }}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('learning.staff.course')}</th>
              <th scope="col">{t('learning.staff.started')}</th>
              <th scope="col">{t('learning.staff.completed')}</th>
              <th scope="col">{t('learning.staff.averageScore')}</th>
              <th scope="col">{t('learning.staff.status')}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.slug}>
                <td>
                  <Link to={`/staff/learning/${c.slug}`}>{c.title}</Link>
                  {c.is_core ? ` · ${t('learning.staff.core')}` : ''}
                </td>
                <td>{c.started}</td>
                <td>{c.completed}</td>
                <td>{c.average_score === null ? '—' : `${c.average_score}%`}</td>
                <td>{c.published ? t('learning.staff.published') : t('learning.staff.draft')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('learning.staff.newCourse')}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <FormError reply={reply} />
        <Field
          name="slug"
          label={t('learning.staff.slug')}
          hint={t('learning.staff.slugHint')}
          reply={reply}
          required
          maxLength={60}
        />
        <Field name="title_vi" label={t('learning.staff.titleVi')} reply={reply} required maxLength={160} />
        <Field name="title_en" label={t('learning.staff.titleEn')} reply={reply} required maxLength={160} />
        <TextArea name="summary_vi" label={t('learning.staff.summaryVi')} reply={reply} rows={3} maxLength={1000} />
        <TextArea name="summary_en" label={t('learning.staff.summaryEn')} reply={reply} rows={3} maxLength={1000} />
        <Field name="position" type="number" label={t('learning.staff.position')} reply={reply} defaultValue="10" />
        <CheckBox name="published" label={t('learning.staff.publish')} />
        <button type="submit">{t('learning.staff.create')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'learning.staff.title');
