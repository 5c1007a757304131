import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FieldShell, FormError, SelectField } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import type { FormReply } from '~/lib/forms.server';
import { useI18n, type MessageKey } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import {
  attachLessonAudio,
  type ContentLanguage,
  isContentLanguage,
  listLessonAudio,
  readAudioUpload,
  removeLessonAudio,
  type AudioError,
} from '~/modules/learning/audio.server';
import styles from '~/modules/learning/learning.css';
import { notFound } from '~/lib/responses';
import { contentLanguages } from '~/modules/learning/content-languages';
import { findLessonForStaff } from '~/modules/learning/staff.server';

// Staff attach a recording per content language to a lesson (issue 16). Course
// content is national: country-level staff only, like the lesson editor.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, { country: true });
  const lesson = await findLessonForStaff(params.course ?? '', params.lesson ?? '');
  if (!lesson) throw notFound();
  return { lesson: { id: lesson.id, title_vi: lesson.title_vi }, audio: await listLessonAudio(lesson.id) };
}

const errorKey: Record<AudioError, MessageKey> = {
  tooBig: 'audio.error.tooBig',
  type: 'audio.error.type',
  truncated: 'audio.error.truncated',
  required: 'audio.error.required',
  language: 'audio.error.language',
};

function refuse(error: AudioError, values: Record<string, string>) {
  const field = error === 'language' ? 'language' : 'audio';
  return data<FormReply>(
    { errors: { [field]: errorKey[error] }, values: { language: values.language ?? '' } },
    { status: error === 'tooBig' ? 413 : 400 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireStaff(request, { country: true });
  const lesson = await findLessonForStaff(params.course ?? '', params.lesson ?? '');
  if (!lesson) throw notFound();
  const upload = await readAudioUpload(request);
  const here = `/staff/learning/${lesson.id}/audio`;
  if (!upload.ok) return refuse(upload.error, upload.fields);
  const { fields } = upload;
  const language = fields.language;
  if (!isContentLanguage(language)) return refuse('language', fields);
  if (fields.intent === 'remove') {
    await removeLessonAudio(lesson.id, language);
    return redirect(`${here}?notice=notice.saved`);
  }
  if (!upload.file) return refuse('required', fields);
  const saved = await attachLessonAudio(lesson.id, language, upload.file);
  if (!saved.ok) {
    if (saved.error === 'missing') throw notFound();
    return refuse(saved.error, fields);
  }
  return redirect(`${here}?notice=notice.saved`);
}

export default function StaffLessonAudio() {
  const { lesson, audio } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const languageName = (code: ContentLanguage) => t(`audio.language.${code}`);
  return (
    <section>
      <p>
        <Link to={`/staff/learning/${lesson.id}`}>← {lesson.title_vi}</Link> ·{' '}
        <Link to={`/learn/${lesson.id}`}>{t('learning.staff.viewAsLearner')}</Link>
      </p>
      <h1>{t('audio.staff.title')}</h1>
      <p>{t('audio.staff.lead')}</p>
      {audio.length ? (
        <ul className="stack">
          {audio.map((a) => (
            <li key={a.id}>
              <strong lang={a.language}>{languageName(a.language)}</strong> ·{' '}
              {t('audio.staff.size', { size: Math.ceil(a.sizeBytes / 1024) })}
              <br />
              <audio controls preload="none" src={`/lesson-audio/${a.id}`} lang={a.language}>
                <a href={`/lesson-audio/${a.id}`}>{t('audio.download')}</a>
              </audio>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="language" value={a.language} />
                <button type="submit" className="secondary">
                  {t('audio.staff.remove', { language: languageName(a.language) })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('audio.staff.none')}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <FormError reply={reply} />
        <input type="hidden" name="intent" value="upload" />
        <SelectField
          name="language"
          label={t('audio.staff.language')}
          reply={reply}
          defaultValue="hmn"
          options={contentLanguages.map((code) => ({ value: code, label: languageName(code) }))}
        />
        <FieldShell id="field-audio" label={t('audio.staff.file')} error={reply?.errors?.audio}>
          {(control) => (
            <input
              id="field-audio"
              name="audio"
              type="file"
              accept="audio/mpeg,audio/mp4,audio/ogg,audio/webm,.mp3,.m4a,.ogg,.opus,.webm"
              {...control}
            />
          )}
        </FieldShell>
        <p>
          <button type="submit">{t('audio.staff.upload')}</button>
        </p>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'audio.staff.title');
