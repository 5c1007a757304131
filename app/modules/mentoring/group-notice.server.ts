import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import type { MessageKey } from '~/lib/i18n';
import { notify } from '~/modules/notifications/notify.server';

/** The one place a group-session notice is written: in-app, and by email when she has one. */
export async function groupNotice(
  trx: Transaction<Database>,
  userId: string,
  key: MessageKey,
  sessionId: string,
  title: string,
  startsAt: Date,
) {
  const reminder = key === 'depth.group.notice.24h' || key === 'depth.group.notice.1h';
  await notify(trx, userId, {
    kind: reminder ? 'booking_reminder' : 'booking',
    key,
    params: { title, when: startsAt.toISOString() },
    link: `/group-sessions/${sessionId}`,
  });
}
