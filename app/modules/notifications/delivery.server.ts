// Delivery of the outbox (outbox_emails, every channel): one job kind,
// `deliver-email`, per row. A provider's temporary refusal (network, rate limit,
// 5xx) is recorded and thrown, so pg-boss retries with backoff; a permanent one
// (invalid number, template rejected), or the last retry, marks the row failed
// with its error and queues the notice on the next channel (Zalo → SMS → email)
// in the same transaction. Nothing is dropped: every row ends sent or failed,
// and staff see both (/staff/people/<id>/deliveries).

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { emailTransport, type Transport } from '~/lib/email.server';
import { isMessageKey } from '~/lib/i18n.server';
import { defaultQueueOptions, enqueue } from '~/lib/jobs.server';
import { deliverEmailQueue } from '~/lib/email.server';
import { log } from '~/lib/log.server';
import { sendSms, sendZalo, SmsError, zaloFromEnv, zaloTemplates } from '~/modules/sms/index.server';
import { digestMinutes, isNoticeKind } from './kinds';
import { fallbackChannel, loadRecipient, queueDelivery, reachOf } from './notify.server';

/** Runs a job gets: the first and its retries. */
const maxAttempts = defaultQueueOptions.retryLimit + 1;

export type DeliverOptions = { now?: Date; email?: Transport };

/**
 * The Zalo template for a kind in her language: ZALO_TEMPLATES may name
 * `order_placed_vi`, `order_placed`, `notice_vi` or `notice` (one generic
 * approved template "{message} {link}" serves every kind).
 */
export function zaloTemplateFor(kind: string | null, locale: string, templates = zaloTemplates()) {
  for (const name of [`${kind}_${locale}`, `${kind}`, `notice_${locale}`, 'notice'])
    if (templates[name]) return templates[name];
  return null;
}

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

async function send(row: Row, options: DeliverOptions) {
  if (row.channel === 'email')
    return (options.email ?? emailTransport)({ to: row.to_address, subject: row.subject, body: row.body });
  if (row.channel === 'sms')
    return void (await sendSms({ to: row.to_address, text: row.body, requestId: `n${row.id}` }));
  const client = zaloFromEnv();
  const templateId = zaloTemplateFor(row.kind, row.locale ?? 'vi');
  if (client && !templateId) throw new SmsError('zalo', 'no_template', `no approved template for ${row.kind}`, false);
  await sendZalo(
    { to: row.to_address, templateId: templateId ?? '', params: row.template_params ?? {}, trackingId: `n${row.id}` },
    client,
  );
}

function loadRow(id: number) {
  return db
    .selectFrom('outbox_emails')
    .leftJoin('users', 'users.id', 'outbox_emails.user_id')
    .selectAll('outbox_emails')
    .select('users.locale')
    .where('outbox_emails.id', '=', id)
    .executeTakeFirst();
}

/** Sends one outbox row on its channel. Returns what happened; throws to have the job retried. */
export async function deliverOutbox(
  id: number,
  options: DeliverOptions = {},
): Promise<'sent' | 'held' | 'failed' | 'retry' | 'gone'> {
  const now = options.now ?? new Date();
  const row = await loadRow(id);
  if (!row || row.status !== 'pending') return 'gone';
  if (row.send_after && new Date(row.send_after) > now) {
    // Early (a retry, or a clock ahead): back on the queue for its time.
    await enqueue(deliverEmailQueue, { id }, { startAfter: new Date(row.send_after) });
    return 'held';
  }
  try {
    await send(row, options);
  } catch (error) {
    const permanent = (error instanceof SmsError && !error.retryable) || row.attempts + 1 >= maxAttempts;
    const lastError = (
      error instanceof SmsError ? `${error.provider} ${error.code}: ${error.message}` : String(error)
    ).slice(0, 500);
    if (!permanent) {
      await db
        .updateTable('outbox_emails')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: lastError }))
        .where('id', '=', id)
        .execute();
      throw error;
    }
    await failAndFallBack(row, lastError, now);
    return 'failed';
  }
  await db
    .updateTable('outbox_emails')
    .set((eb) => ({ status: 'sent', sent_at: now, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
  return 'sent';
}

/** Marks the row failed and, for a notice, queues it on her next confirmed channel, in one transaction. */
async function failAndFallBack(row: Row, lastError: string, now: Date) {
  await (db as Kysely<Database>).transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('outbox_emails')
      .set((eb) => ({ status: 'failed', attempts: eb('attempts', '+', 1), last_error: lastError }))
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1 || !row.user_id || row.notification_id === null || !isNoticeKind(row.kind))
      return;
    const user = await loadRecipient(trx, row.user_id);
    if (!user || user.deleted_at) return;
    const next = fallbackChannel(row.channel, reachOf(user));
    if (!next) return;
    const notice = await trx
      .selectFrom('notifications')
      .select(['message_key', 'params', 'link'])
      .where('id', '=', row.notification_id)
      .executeTakeFirst();
    // A key gone from the catalogue since it was stored has nothing left to say.
    if (!notice || !isMessageKey(notice.message_key)) return;
    await queueDelivery(
      trx,
      user,
      { kind: row.kind, key: notice.message_key, params: notice.params, link: notice.link },
      row.notification_id,
      next,
      { now, digest: Boolean(digestMinutes[row.kind]) },
    );
  });
  log.warn('notice delivery failed', { outboxId: row.id, channel: row.channel, error: lastError });
}
