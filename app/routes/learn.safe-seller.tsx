import type { LinksFunction, MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { coreCourseSlug } from '~/modules/learning/lesson-ids';
import styles from '~/modules/learning/learning.css';
import { SafeSellerBadge } from '~/modules/learning/safe-seller-badge';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// What the Safe Seller badge means, for buyers who tap it.
export default function SafeSellerPage() {
  const { t } = useI18n();
  return (
    <section className="lesson-body">
      <h1>{t('learning.badge.pageTitle')}</h1>
      <p>
        <SafeSellerBadge />
      </p>
      <p>{t('learning.badge.means')}</p>
      <ul>
        <li>{t('learning.badge.point1')}</li>
        <li>{t('learning.badge.point2')}</li>
        <li>{t('learning.badge.point3')}</li>
      </ul>
      <h2>{t('learning.badge.ruleTitle')}</h2>
      <p>{t('learning.badge.rule')}</p>
      <p>{t('learning.badge.notGuarantee')}</p>
      <p>
        <Link to={`/learn/${coreCourseSlug}`} className="button">
          {t('learning.badge.takeCourse')}
        </Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'learning.badge.pageTitle', { descriptionKey: 'ux.meta.learn' });
