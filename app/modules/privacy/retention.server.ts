import { sql } from 'kysely';
import { db } from '~/lib/db.server';

// Retention rules enforced by scheduled jobs (README, "Retention"): each
// function removes one kind of data once it has served its purpose.

export const notificationRetentionDays = 180;
export const emailRetentionDays = 30;

/** In-app notices older than 180 days (read or not): their news is stale. */
export async function deleteOldNotifications() {
  const result = await db
    .deleteFrom('notifications')
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${notificationRetentionDays})`)
    .executeTakeFirst();
  return { notifications: Number(result.numDeletedRows) };
}

/** Sent or failed outgoing e-mails older than 30 days (they hold addresses and contents). */
export async function deleteOldEmails() {
  const result = await db
    .deleteFrom('outbox_emails')
    .where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${emailRetentionDays})`)
    .executeTakeFirst();
  return { emails: Number(result.numDeletedRows) };
}
