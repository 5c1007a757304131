import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { ProgressBar } from '~/modules/learning/components';
import { completeLessonSchema } from '~/modules/learning/forms.server';
import { completeLesson, findLesson, recordLessonVisit, stepPath } from '~/modules/learning/index.server';
import styles from '~/modules/learning/learning.css';
import { reader } from '~/modules/learning/reader.server';
import { notFound } from '~/lib/responses';
import { lightPage } from '~/lib/page-scripts';
import { wantsSmallImages } from '~/lib/save-data.server';
import { LessonAudioPlayer } from '~/modules/learning/audio-player';
import { listLessonAudio, pickAudio } from '~/modules/learning/audio.server';
import { redirectWithNotice } from '~/lib/redirect.server';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, locale } = await reader(request);
  const lesson = await findLesson(params.course ?? '', params.lesson ?? '', user?.id ?? null, locale);
  if (!lesson) throw notFound();
  // Where she left off: the course page sends her back to the last lesson she opened.
  if (user) await recordLessonVisit(user.id, lesson.course.slug, lesson.id);
  // Recordings in the content languages (issue 16): ?audio=hmn picks one, without scripts.
  const audio = await listLessonAudio(lesson.id);
  const playing = pickAudio(audio, new URL(request.url).searchParams.get('audio'), locale);
  const saveData = await wantsSmallImages(request);
  return { lesson, signedIn: Boolean(user), here: `/learn/${lesson.id}`, audio, playing, saveData };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, completeLessonSchema);
  if (!parsed.ok) throw new Response('Bad Request', { status: 400 });
  const course = params.course ?? '';
  const result = await completeLesson(user.id, course, params.lesson ?? '', user.locale);
  if (!result) throw notFound();
  if (result.certificate)
    return redirectWithNotice(`/certificates/${result.certificate}`, 'notice.learning.courseComplete');
  return redirect(result.next ? stepPath(course, result.next) : `/learn/${course}`);
}

export default function LessonPage() {
  const { lesson, signedIn, here, audio, playing, saveData } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <article>
      <p>
        <Link to={`/learn/${lesson.course.slug}`}>← {lesson.course.title}</Link> ·{' '}
        <span className="muted">{lesson.module.title}</span>
      </p>
      {signedIn ? (
        <ProgressBar
          done={lesson.course.steps.done}
          total={lesson.course.steps.total}
          label={t('learning.progress.label', { course: lesson.course.title })}
        />
      ) : null}
      <h1>{lesson.title}</h1>
      <p className="muted">{t('learning.lesson.minutes', { minutes: lesson.minutes })}</p>
      {playing ? <LessonAudioPlayer audio={audio} playing={playing} here={here} saveData={saveData} /> : null}
      {/* Rendered on the server from Markdown with raw HTML off and a link allowlist (markdown.server.ts). */}
      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: lesson.html }} />
      {lesson.videoUrl ? (
        <p>
          <a href={lesson.videoUrl} rel="nofollow noopener noreferrer">
            {t('learning.lesson.video')}
          </a>
        </p>
      ) : null}
      {signedIn ? (
        lesson.done ? (
          <p className="done-mark">✓ {t('learning.lesson.done')}</p>
        ) : (
          <Form noValidate method="post">
            <input type="hidden" name="intent" value="complete" />
            <button type="submit">{t('learning.lesson.markDone')}</button>
          </Form>
        )
      ) : (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('learning.lesson.signInToTrack')}</Link>
        </p>
      )}
      <nav className="step-nav" aria-label={t('learning.lesson.stepsNav')}>
        {lesson.previous ? (
          <Link to={lesson.previous.path}>
            ←{' '}
            {lesson.previous.kind === 'quiz'
              ? t('learning.quiz.title', { module: lesson.previous.title })
              : lesson.previous.title}
          </Link>
        ) : (
          <span />
        )}
        {lesson.next ? (
          <Link to={lesson.next.path}>
            {lesson.next.kind === 'quiz' ? t('learning.quiz.title', { module: lesson.next.title }) : lesson.next.title}{' '}
            →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'learning.catalogue.title', { title: data?.lesson.title });
