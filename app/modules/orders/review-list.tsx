import { Link } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';

// Reviews as buyers read them on a listing page and a storefront: stars, words,
// the seller's answer, up to 3 small photos (each a link to its 640 px WebP) and
// a "Báo cáo" link for anyone but the author (anonymous readers log in first).

export type ReviewForList = {
  id: string;
  rating: number;
  comment: string;
  reply: string | null;
  buyerName: string;
  mine: boolean;
  photos: { id: string; thumbUrl: string | null; smallUrl: string | null; width: number; height: number }[];
};

export function ReviewList({ reviews }: { reviews: ReviewForList[] }) {
  const { t } = useI18n();
  return (
    <ul className="plain-list">
      {reviews.map((r) => (
        <li key={r.id} className="card" data-testid="review">
          <strong>{t('orders.review.stars', { rating: r.rating })}</strong> · {r.buyerName}
          {r.comment ? <p style={{ whiteSpace: 'pre-line' }}>{r.comment}</p> : null}
          {r.photos.length ? (
            <p className="review-photos">
              {r.photos.map((p, index) =>
                p.thumbUrl && p.smallUrl ? (
                  <a key={p.id} href={p.smallUrl} title={t('reviews.photo.open', { n: index + 1 })}>
                    <img
                      src={p.thumbUrl}
                      alt={t('reviews.photo.alt', { n: index + 1, name: r.buyerName })}
                      width={p.width}
                      height={p.height}
                      loading="lazy"
                      decoding="async"
                    />
                  </a>
                ) : null,
              )}
            </p>
          ) : null}
          {r.reply ? (
            <p className="small">
              <strong>{t('orders.review.sellerReply')}:</strong> {r.reply}
            </p>
          ) : null}
          {r.mine ? null : (
            <p className="small">
              <Link
                to={`/reports/new?review=${r.id}`}
                rel="nofollow"
                aria-label={t('reviews.report.label', { name: r.buyerName })}
              >
                {t('reviews.report')}
              </Link>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
