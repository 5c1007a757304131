import { Link } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import type { ContentLanguage } from './audio.server';

type Audio = { id: string; language: ContentLanguage; contentType: string };

/**
 * The lesson's plain <audio> player, first on the page (issue 16), and links to
 * the other languages it can be heard in: plain links (?audio=hmn), so choosing
 * works without scripts. With Save data on, nothing is fetched until she presses play.
 */
export function LessonAudioPlayer({
  audio,
  playing,
  here,
  saveData,
}: {
  audio: Audio[];
  playing: Audio;
  here: string;
  saveData: boolean;
}) {
  const { t } = useI18n();
  const name = (code: ContentLanguage) => t(`audio.language.${code}`);
  const src = `/lesson-audio/${playing.id}`;
  return (
    <section className="lesson-audio" aria-labelledby="lesson-audio-title">
      <h2 id="lesson-audio-title">
        {t('audio.listen')} · <span lang={playing.language}>{name(playing.language)}</span>
      </h2>
      <audio controls preload={saveData ? 'none' : 'metadata'} lang={playing.language}>
        <source src={src} type={playing.contentType} />
        <p>
          {t('audio.unsupported')} <a href={src}>{t('audio.download')}</a>
        </p>
      </audio>
      {audio.length > 1 ? (
        <nav aria-label={t('audio.languagesNav')}>
          {t('audio.otherLanguages')}{' '}
          {audio.map((a, i) => (
            <span key={a.id}>
              {i ? ' · ' : null}
              <Link
                to={`${here}?audio=${a.language}`}
                hrefLang={a.language}
                aria-current={a.id === playing.id ? 'true' : undefined}
              >
                {name(a.language)}
              </Link>
            </span>
          ))}
        </nav>
      ) : null}
    </section>
  );
}
