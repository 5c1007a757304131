import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireStaff } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listCardsForStaff } from '~/modules/learning/staff.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, { country: true });
  return { cards: await listCardsForStaff() };
}

export default function StaffGameCards() {
  const { cards } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <section>
      <p>
        <Link to="/staff/learning">← {t('learning.staff.title')}</Link>
      </p>
      <h1>{t('learning.staff.cards')}</h1>
      <p>
        <Link to="/staff/learning/game/new" className="button">
          {t('learning.staff.newCard')}
        </Link>
      </p>
      <p className="muted">
        {t('learning.staff.cardCount', {
          count: cards.length,
          scams: cards.filter((c) => c.verdict === 'scam').length,
        })}
      </p>
      <ol>
        {cards.map((c) => (
          <li key={c.id}>
            <Link to={`/staff/learning/game/${c.id}`}>{locale === 'vi' ? c.header_vi : c.header_en}</Link> ·{' '}
            {t(`learning.game.verdict.${c.verdict}`)} ·{' '}
            {c.published ? t('learning.staff.published') : t('learning.staff.draft')}
          </li>
        ))}
      </ol>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'learning.staff.cards');
