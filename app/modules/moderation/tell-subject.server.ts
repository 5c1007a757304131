import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { formatDateTime, type Locale, type MessageKey } from '~/lib/i18n';
import { notify } from '~/modules/notifications/notify.server';

/** Tells the person what staff did and why: in-app, and by email through the outbox (as verification decisions do). */
export async function tellSubject(
  trx: Transaction<Database>,
  d: {
    userId: string;
    user: { email: string | null; display_name: string; locale: Locale };
    action: 'warn' | 'hide_listing' | 'hide_review' | 'suspend' | 'unsuspend';
    reason: string;
    until: Date | null;
    listing: { id: string; title: string } | null;
    review?: { order_id: string; title: string } | null;
  },
) {
  const until = d.until ? formatDateTime(d.until, d.user.locale) : '';
  const key: MessageKey =
    d.action === 'suspend' && !d.until ? 'moderation.notify.suspendForGood' : `moderation.notify.${d.action}`;
  const params = { reason: d.reason, until, title: d.listing?.title ?? d.review?.title ?? '' };
  const link =
    d.action === 'hide_listing' && d.listing
      ? `/dashboard/listings/${d.listing.id}`
      : d.action === 'hide_review' && d.review
        ? `/orders/${d.review.order_id}`
        : '/dashboard';
  await notify(trx, d.userId, {
    kind: 'moderation',
    key,
    params,
    link,
    email: { subject: 'moderation.email.subject', body: 'moderation.email.body' },
  });
}
