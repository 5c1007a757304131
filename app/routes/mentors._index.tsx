import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { isProvinceCode, provinces } from '~/lib/provinces';
import { listMentors, type MentorFilters } from '~/modules/mentoring/index.server';
import { mentoringTopics } from '~/modules/mentoring/options';
import { mentorLanguages } from '~/modules/verification/options';
import { lightPage } from '~/lib/page-scripts';

// Public: anyone may browse approved mentors; filters are a plain GET form.
// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const get = (k: string) => url.searchParams.get(k) ?? '';
  const filters: MentorFilters = {
    topic: (mentoringTopics as readonly string[]).includes(get('topic')) ? get('topic') : undefined,
    language: (mentorLanguages as readonly string[]).includes(get('language')) ? get('language') : undefined,
    price: get('price') === 'free' || get('price') === 'paid' ? (get('price') as 'free' | 'paid') : undefined,
    province: isProvinceCode(get('province')) ? get('province') : undefined,
  };
  const mentors = await listMentors(filters);
  return { filters, mentors };
}

export default function Mentors() {
  const { filters, mentors } = useLoaderData<typeof loader>();
  const { t, money, locale } = useI18n();
  return (
    <section>
      <h1>{t('mentoring.browse.title')}</h1>
      <p className="muted">{t('mentoring.browse.intro')}</p>
      <Form noValidate method="get" className="filters">
        <label>
          {t('mentoring.field.topic')}{' '}
          <select name="topic" defaultValue={filters.topic ?? ''}>
            <option value="">{t('mentoring.filter.any')}</option>
            {mentoringTopics.map((x) => (
              <option key={x} value={x}>
                {t(`mentoring.topic.${x}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('mentoring.field.language')}{' '}
          <select name="language" defaultValue={filters.language ?? ''}>
            <option value="">{t('mentoring.filter.any')}</option>
            {mentorLanguages.map((x) => (
              <option key={x} value={x}>
                {t(`verification.language.${x}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('mentoring.field.price')}{' '}
          <select name="price" defaultValue={filters.price ?? ''}>
            <option value="">{t('mentoring.filter.any')}</option>
            <option value="free">{t('mentoring.price.free')}</option>
            <option value="paid">{t('mentoring.price.paid')}</option>
          </select>
        </label>{' '}
        <label>
          {t('mentoring.filter.province')}{' '}
          <select name="province" defaultValue={filters.province ?? ''}>
            <option value="">{t('mentoring.filter.any')}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p[locale]}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{t('mentoring.filter.apply')}</button>
      </Form>
      {mentors.length === 0 ? <p>{t('mentoring.browse.none')}</p> : null}
      <ul className="cards">
        {mentors.map((m) => (
          <li key={m.mentor_id} className="card">
            <h2>
              <Link to={`/mentors/${m.mentor_id}`}>{m.display_name}</Link>
            </h2>
            <p>{m.topics.map((x) => t(`mentoring.topic.${x}`)).join(' · ')}</p>
            <p className="muted">
              {m.languages.map((x) => t(`verification.language.${x}`)).join(', ')} ·{' '}
              {t(`mentoring.mode.${m.meeting_mode}`)}
              {m.meeting_mode === 'in_person'
                ? ` · ${provinces.find((p) => p.code === m.province)?.[locale] ?? ''}`
                : ''}
            </p>
            <p>
              {m.price > 0 ? money(m.price) : t('mentoring.price.free')} ·{' '}
              {t('mentoring.minutes', { n: m.session_minutes })}
            </p>
            <p className="muted">
              {m.average_rating != null
                ? t('mentoring.rating.average', { rating: m.average_rating, count: m.ratings ?? 0 })
                : t('mentoring.rating.none')}{' '}
              · {t('mentoring.held', { count: m.held ?? 0 })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'mentoring.browse.title', { descriptionKey: 'ux.meta.mentors' });
