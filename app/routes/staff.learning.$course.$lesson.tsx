import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError, SelectField } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { CheckBox, TextArea } from '~/modules/learning/components';
import { lessonSchema } from '~/modules/learning/forms.server';
import styles from '~/modules/learning/learning.css';
import { renderMarkdown } from '~/modules/learning/markdown.server';
import { notFound } from '~/lib/responses';
import { findLessonForStaff, listModules, updateLesson } from '~/modules/learning/staff.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, { country: true });
  const lesson = await findLessonForStaff(params.course ?? '', params.lesson ?? '');
  if (!lesson) throw notFound();
  const modules = await listModules(lesson.course_slug);
  return { lesson, modules: modules.map((m) => ({ id: m.id, title_vi: m.title_vi, title_en: m.title_en })) };
}

// "Preview" renders both languages on the server exactly as learners will see
// them, without saving; "Save" stores the Markdown.
export async function action({ request, params }: ActionFunctionArgs) {
  await requireStaff(request, { country: true });
  const form = await readForm(request);
  const parsed = parseForm(form, lessonSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const { intent, ...input } = parsed.data;
  if (intent === 'preview') {
    return data({
      preview: { vi: renderMarkdown(input.body_vi), en: renderMarkdown(input.body_en) },
      errors: {},
      values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])),
    });
  }
  const saved = await updateLesson(params.course ?? '', params.lesson ?? '', input);
  if (!saved) return formError(form, { module_id: 'validation.invalid' });
  return redirect(`/staff/learning/${params.course}/${params.lesson}?notice=notice.saved`);
}

export default function StaffLesson() {
  const { lesson, modules } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const preview = reply && 'preview' in reply ? reply.preview : null;
  return (
    <section>
      <p>
        <Link to={`/staff/learning/${lesson.course_slug}`}>← {lesson.course_slug}</Link> ·{' '}
        <Link to={`/learn/${lesson.id}`}>{t('learning.staff.viewAsLearner')}</Link> ·{' '}
        <Link to={`/staff/learning/${lesson.id}/audio`}>{t('audio.staff.title')}</Link>
      </p>
      <h1>{lesson.title_vi}</h1>
      <p className="muted">
        {t('learning.staff.lessonId')} <code>{lesson.id}</code>
      </p>
      {preview ? (
        <>
          <h2>{t('learning.staff.previewVi')}</h2>
          <div className="md-preview lesson-body" lang="vi" dangerouslySetInnerHTML={{ __html: preview.vi }} />
          <h2>{t('learning.staff.previewEn')}</h2>
          <div className="md-preview lesson-body" lang="en" dangerouslySetInnerHTML={{ __html: preview.en }} />
        </>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <SelectField
          name="module_id"
          label={t('learning.staff.module')}
          reply={reply}
          defaultValue={String(lesson.module_id)}
          options={modules.map((m) => ({ value: String(m.id), label: `${m.title_vi} / ${m.title_en}` }))}
        />
        <Field
          name="title_vi"
          label={t('learning.staff.titleVi')}
          reply={reply}
          defaultValue={lesson.title_vi}
          required
          maxLength={160}
        />
        <Field
          name="title_en"
          label={t('learning.staff.titleEn')}
          reply={reply}
          defaultValue={lesson.title_en}
          required
          maxLength={160}
        />
        <TextArea
          name="body_vi"
          label={t('learning.staff.bodyVi')}
          hint={t('learning.staff.markdownHint')}
          reply={reply}
          defaultValue={lesson.body_vi}
          rows={16}
          maxLength={20000}
        />
        <TextArea
          name="body_en"
          label={t('learning.staff.bodyEn')}
          reply={reply}
          defaultValue={lesson.body_en}
          rows={16}
          maxLength={20000}
        />
        <Field
          name="video_url"
          type="url"
          label={t('learning.staff.videoUrl')}
          reply={reply}
          defaultValue={lesson.video_url ?? ''}
          maxLength={500}
        />
        <Field
          name="minutes"
          type="number"
          label={t('learning.staff.minutes')}
          reply={reply}
          defaultValue={String(lesson.minutes)}
        />
        <Field
          name="position"
          type="number"
          label={t('learning.staff.position')}
          reply={reply}
          defaultValue={String(lesson.position)}
        />
        <CheckBox name="published" label={t('learning.staff.publish')} defaultChecked={lesson.published} />
        <p className="game-answers">
          <button type="submit" name="intent" value="preview" className="secondary">
            {t('learning.staff.preview')}
          </button>
          <button type="submit" name="intent" value="save">
            {t('common.save')}
          </button>
        </p>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'learning.staff.title');
