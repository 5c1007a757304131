import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { type Field, FormError } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { localeFromRequest } from '~/lib/i18n.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { CheckBox, InputField, SelectInput, TextArea } from '~/modules/learning/components';
import { addLessonSchema, addModuleSchema, courseSchema, moduleSchema } from '~/modules/learning/forms.server';
import { findCourseOutline } from '~/modules/learning/index.server';
import styles from '~/modules/learning/learning.css';
import { notFound } from '~/lib/responses';
import {
  createLesson,
  createModule,
  mostMissedQuestions,
  updateCourse,
  updateModule,
} from '~/modules/learning/staff.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, { country: true });
  const locale = await localeFromRequest(request, user.locale);
  const outline = await findCourseOutline(params.course ?? '', null, locale, { includeDrafts: true });
  if (!outline) throw notFound();
  const { raw, ...course } = outline;
  return { course, raw, missed: await mostMissedQuestions(course.slug, locale) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireStaff(request, { country: true });
  const slug = params.course ?? '';
  const form = await readForm(request);
  const intent = form.get('intent');
  const back = `/staff/learning/${slug}?notice=notice.saved`;
  if (intent === 'course') {
    const parsed = parseForm(form, courseSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const { intent: _i, ...input } = parsed.data;
    if (!(await updateCourse(slug, input))) throw notFound();
    return redirect(back);
  }
  if (intent === 'module') {
    const parsed = parseForm(form, moduleSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const { intent: _i, moduleId, ...input } = parsed.data;
    if (!(await updateModule(slug, moduleId, input))) throw notFound();
    return redirect(back);
  }
  if (intent === 'addModule') {
    const parsed = parseForm(form, addModuleSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const { intent: _i, ...input } = parsed.data;
    await createModule(slug, input).catch((error: { code?: string }) => {
      if (error.code === '23503') throw notFound();
      throw error;
    });
    return redirect(back);
  }
  if (intent === 'addLesson') {
    const parsed = parseForm(form, addLessonSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const { intent: _i, ...input } = parsed.data;
    const created = await createLesson(slug, { ...input, body_vi: '', body_en: '', video_url: null, minutes: 3 });
    if (!created.ok)
      return formError(
        form,
        created.reason === 'slug' ? { slug: 'learning.staff.slugTaken' } : { module_id: 'validation.invalid' },
      );
    return redirect(`/staff/learning/${slug}/${input.slug}?notice=notice.saved`);
  }
  throw new Response('Bad Request', { status: 400 });
}

export default function StaffCourse() {
  const { course, raw, missed } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const intent = reply?.values?.intent;
  const replyFor = (name: string, id?: number) =>
    intent === name && (id === undefined || reply?.values?.moduleId === String(id)) ? reply : undefined;
  return (
    <section className="staff-grid">
      <p>
        <Link to="/staff/learning">← {t('learning.staff.title')}</Link> ·{' '}
        <Link to={`/learn/${course.slug}`}>{t('learning.staff.viewAsLearner')}</Link>
      </p>
      <h1>{course.title}</h1>
      <p className="muted">
        {t('learning.staff.lessonUrl')} <code>/learn/{course.slug}/…</code>
      </p>

      <h2>{t('learning.staff.missed')}</h2>
      {missed.length ? (
        <ol>
          {missed.map((q) => (
            <li key={q.id}>
              {q.prompt} — {t('learning.staff.missedCount', { wrong: q.wrong, answered: q.answered })}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('learning.staff.noMissed')}</p>
      )}

      <h2>{t('learning.staff.editCourse')}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <FormError reply={replyFor('course')} />
        <input type="hidden" name="intent" value="course" />
        <InputField
          idPrefix="course"
          name="title_vi"
          label={t('learning.staff.titleVi')}
          reply={replyFor('course')}
          defaultValue={raw.title_vi}
          required
          maxLength={160}
        />
        <InputField
          idPrefix="course"
          name="title_en"
          label={t('learning.staff.titleEn')}
          reply={replyFor('course')}
          defaultValue={raw.title_en}
          required
          maxLength={160}
        />
        <TextArea
          name="summary_vi"
          label={t('learning.staff.summaryVi')}
          reply={replyFor('course')}
          defaultValue={raw.summary_vi}
          rows={3}
          maxLength={1000}
        />
        <TextArea
          name="summary_en"
          label={t('learning.staff.summaryEn')}
          reply={replyFor('course')}
          defaultValue={raw.summary_en}
          rows={3}
          maxLength={1000}
        />
        <InputField
          idPrefix="course"
          name="position"
          type="number"
          label={t('learning.staff.position')}
          reply={replyFor('course')}
          defaultValue={String(raw.position)}
        />
        <CheckBox name="published" label={t('learning.staff.publish')} defaultChecked={raw.published} />
        <button type="submit">{t('common.save')}</button>
      </Form>

      <h2>{t('learning.staff.modules')}</h2>
      {course.isCore ? <p className="muted">{t('learning.staff.coreWarning')}</p> : null}
      {course.modules.map((m, i) => (
        <details key={m.id} className="card">
          <summary>
            {i + 1}. {m.title} · {m.published ? t('learning.staff.published') : t('learning.staff.draft')}
          </summary>
          <ul>
            {m.lessons.map((l) => (
              <li key={l.id}>
                <Link to={`/staff/learning/${course.slug}/${l.slug}`}>{l.title}</Link> <code>{l.id}</code> ·{' '}
                {l.published ? t('learning.staff.published') : t('learning.staff.draft')}
              </li>
            ))}
            <li>
              <Link to={`/staff/learning/${course.slug}/quiz/${m.id}`}>
                {t('learning.staff.editQuiz', { count: m.quiz?.questions ?? 0 })}
              </Link>
            </li>
          </ul>
          <Form method="post" className="stack" noValidate>
            <FormError reply={replyFor('module', m.id)} />
            <input type="hidden" name="intent" value="module" />
            <input type="hidden" name="moduleId" value={m.id} />
            <ModuleFields
              idPrefix={`module-${m.id}`}
              reply={replyFor('module', m.id)}
              values={{
                title_vi: m.titleVi,
                title_en: m.titleEn,
                position: String(m.position),
                pass_percent: String(m.passPercent),
              }}
              published={m.published}
            />
            <button type="submit">{t('common.save')}</button>
          </Form>
        </details>
      ))}

      <h2>{t('learning.staff.addModule')}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <FormError reply={replyFor('addModule')} />
        <input type="hidden" name="intent" value="addModule" />
        <ModuleFields
          idPrefix="new-module"
          reply={replyFor('addModule')}
          values={{ position: String(course.modules.length + 1), pass_percent: '80' }}
          published={false}
        />
        <button type="submit">{t('learning.staff.create')}</button>
      </Form>

      <h2>{t('learning.staff.addLesson')}</h2>
      {course.modules.length ? (
        <Form method="post" className="stack narrow" noValidate>
          <FormError reply={replyFor('addLesson')} />
          <input type="hidden" name="intent" value="addLesson" />
          <InputField
            idPrefix="new-lesson"
            name="slug"
            label={t('learning.staff.slug')}
            hint={t('learning.staff.slugHint')}
            reply={replyFor('addLesson')}
            required
            maxLength={60}
          />
          <SelectInput
            idPrefix="new-lesson"
            name="module_id"
            label={t('learning.staff.module')}
            reply={replyFor('addLesson')}
            options={course.modules.map((m) => ({ value: String(m.id), label: m.title }))}
          />
          <InputField
            idPrefix="new-lesson"
            name="title_vi"
            label={t('learning.staff.titleVi')}
            reply={replyFor('addLesson')}
            required
            maxLength={160}
          />
          <InputField
            idPrefix="new-lesson"
            name="title_en"
            label={t('learning.staff.titleEn')}
            reply={replyFor('addLesson')}
            required
            maxLength={160}
          />
          <InputField
            idPrefix="new-lesson"
            name="position"
            type="number"
            label={t('learning.staff.position')}
            reply={replyFor('addLesson')}
            defaultValue="10"
          />
          <CheckBox name="published" label={t('learning.staff.publish')} />
          <button type="submit">{t('learning.staff.create')}</button>
        </Form>
      ) : null}
    </section>
  );
}

function ModuleFields({
  idPrefix,
  reply,
  values,
  published,
}: {
  idPrefix: string;
  reply?: Parameters<typeof Field>[0]['reply'];
  values: Record<string, string>;
  published: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <InputField
        idPrefix={idPrefix}
        name="title_vi"
        label={t('learning.staff.titleVi')}
        reply={reply}
        defaultValue={values.title_vi}
        required
        maxLength={160}
      />
      <InputField
        idPrefix={idPrefix}
        name="title_en"
        label={t('learning.staff.titleEn')}
        reply={reply}
        defaultValue={values.title_en}
        required
        maxLength={160}
      />
      <InputField
        idPrefix={idPrefix}
        name="position"
        type="number"
        label={t('learning.staff.position')}
        reply={reply}
        defaultValue={values.position}
      />
      <InputField
        idPrefix={idPrefix}
        name="pass_percent"
        type="number"
        label={t('learning.staff.passPercent')}
        reply={reply}
        defaultValue={values.pass_percent}
      />
      <CheckBox name="published" label={t('learning.staff.publish')} defaultChecked={published} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'learning.staff.title', { title: data?.course.title });
