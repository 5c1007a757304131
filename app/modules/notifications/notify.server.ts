/**
 * notify(trx, userId, notice, options?) — the only way a capability tells a person something.
 *
 *   await notify(trx, sellerId, {
 *     kind: 'order_placed',                 // NoticeKind (kinds.ts): picks her channels
 *     key: 'orders.notify.placed',          // the text, a message key rendered in HER language
 *     params: { number: 'AB12CD' },         // its {placeholders}; ISO times are shown in her zone in-app
 *     link: `/dashboard/orders/${id}`,      // a path on Sen (made absolute for SMS, Zalo and email)
 *     email: { subject: 'orders.email.subject', body: 'orders.email.body' }, // optional own email texts
 *     urgent: false,                        // true: ignores quiet hours (codes are sent elsewhere, always urgent)
 *   });
 *
 * Call it inside the transaction of the change it reports: it writes the in-app
 * notification, and one outbox row per channel (unique per notice and channel)
 * with its delivery job, so a notice exists exactly when the change committed.
 * Channels: in-app always; her phone (Zalo, or SMS) and email as she chose per
 * kind on /account/notifications (defaults in kinds.ts), only where confirmed;
 * no SMS/Zalo in quiet hours (held until morning, her time zone) or beyond the
 * daily cap. Delivery, retries and fallback: delivery.server.ts.
 */

import { defined } from '~/lib/defined';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { enqueue } from '~/lib/jobs.server';
import { deliverEmailQueue } from '~/lib/email.server';
import type { MessageKey, Params } from '~/lib/i18n';
import { formatDateTime } from '~/lib/i18n';
import { translatorFor } from '~/lib/i18n.server';
import { absoluteUrl } from '~/lib/origin.server';
import { defaultChoices, digestMinutes, type ChannelChoice, type NoticeKind } from './kinds';
import { sendableAt } from './quiet-hours';
import { env, type EnvSource } from '~/lib/env.server';

export type Notice = {
  kind: NoticeKind;
  key: MessageKey;
  params?: Params;
  link?: string | null;
  urgent?: boolean;
  /** Her own email texts (else notify.email.*); `params` are for the email only, already in her language. */
  email?: { subject: MessageKey; body: MessageKey; params?: Params };
};

export type Channel = 'email' | 'sms' | 'zalo';
type Trx = Transaction<Database>;

/** SMS and Zalo messages per person in any 24 hours (NOTIFY_DAILY_CAP, 10). */
export function dailyCap(source: EnvSource = process.env) {
  return env(source).NOTIFY_DAILY_CAP;
}

export type Reach = { phone: boolean; email: boolean };

/** Which channels besides in-app a notice uses: her choice, limited to what she confirmed and to the cap. */
export function planChannels(choice: ChannelChoice, reach: Reach, capReached: boolean): Channel[] {
  const out: Channel[] = [];
  if (reach.phone && !capReached && choice.phone !== 'off') out.push(choice.phone);
  if (reach.email && choice.email) out.push('email');
  return out;
}

/** After a channel failed for good, the next one to try: Zalo → SMS → email. */
export function fallbackChannel(failed: Channel, reach: Reach): Channel | null {
  if (failed === 'zalo' && reach.phone) return 'sms';
  if (failed !== 'email' && reach.email) return 'email';
  return null;
}

export async function choiceFor(
  executor: Trx | import('~/lib/db.server').DB,
  userId: string,
  kind: NoticeKind,
): Promise<ChannelChoice> {
  const row = await executor
    .selectFrom('notification_preferences')
    .select(['phone', 'email'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ?? defaultChoices[kind];
}

type Recipient = {
  id: string;
  email: string | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  locale: 'vi' | 'en';
  time_zone: string;
  display_name: string;
  deleted_at: Date | null;
};

export function reachOf(user: Pick<Recipient, 'email' | 'phone' | 'phone_confirmed_at'>): Reach {
  return { phone: Boolean(user.phone && user.phone_confirmed_at), email: Boolean(user.email) };
}

/** How many notices reached her phone (SMS or Zalo, fallbacks counted once) in the 24 hours before `now`. */
async function phoneNoticesToday(trx: Trx, userId: string, now: Date) {
  const row = await trx
    .selectFrom('outbox_emails')
    .select(sql<string>`count(distinct notification_id)`.as('n'))
    .where('user_id', '=', userId)
    .where('channel', 'in', ['sms', 'zalo'])
    .where('created_at', '>', new Date(now.getTime() - 24 * 3600_000))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Texts of one channel's message, in her language. */
function render(user: Recipient, notice: Notice, channel: Channel, digest: boolean) {
  const t = translatorFor(user.locale);
  // Times travel as ISO strings in the parameters: written out in her zone here, as the in-app page does.
  const params = Object.fromEntries(
    Object.entries(notice.params ?? {}).map(([k, v]) => [
      k,
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)
        ? formatDateTime(v, user.locale, user.time_zone)
        : v,
    ]),
  );
  const what = digest ? t('notify.digest') : t(notice.key, params);
  const link = absoluteUrl(digest ? '/messages' : (notice.link ?? '/notifications'));
  const all = {
    ...params,
    what,
    link,
    name: user.display_name,
    settings: absoluteUrl('/account/notifications'),
    ...(digest ? {} : notice.email?.params),
  };
  if (channel === 'email') {
    const own =
      notice.email && !digest
        ? notice.email
        : { subject: 'notify.email.subject' as const, body: 'notify.email.body' as const };
    return {
      to: defined(user.email, 'her email'),
      subject: t(own.subject, all).slice(0, 300),
      body: t(own.body, all),
      template: null,
    };
  }
  const to = defined(user.phone, 'her phone');
  if (channel === 'sms') return { to, subject: '', body: t('notify.sms', all), template: null };
  // Zalo: an approved template with her name, the text and the link (ZNS parameters are short).
  return {
    to,
    subject: '',
    body: what,
    template: { name: user.display_name.slice(0, 30), message: what.slice(0, 200), link },
  };
}

/** Writes one outbox row (unless this notice already has one on this channel) and its delivery job. */
export async function queueDelivery(
  trx: Trx,
  user: Recipient,
  notice: Notice,
  notificationId: number,
  channel: Channel,
  options: { now: Date; sendAfter?: Date | null; digest?: boolean },
) {
  const msg = render(user, notice, channel, options.digest ?? false);
  let sendAfter = options.sendAfter ?? null;
  // Quiet hours hold phone messages; email does not wake anyone.
  if (channel !== 'email' && !notice.urgent) {
    const morning = sendableAt(sendAfter ?? options.now, user.time_zone);
    if (morning.getTime() > (sendAfter ?? options.now).getTime()) sendAfter = morning;
  }
  const row = await trx
    .insertInto('outbox_emails')
    .values({
      channel,
      user_id: user.id,
      notification_id: notificationId,
      kind: notice.kind,
      to_address: msg.to,
      subject: msg.subject,
      body: msg.body,
      template_params: msg.template,
      send_after: sendAfter,
      created_at: options.now,
    })
    .onConflict((oc) => oc.columns(['notification_id', 'channel']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await enqueue(deliverEmailQueue, { id: row.id }, { trx, startAfter: sendAfter ?? undefined });
  return row.id;
}

async function loadRecipient(trx: Trx, userId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'email', 'phone', 'phone_confirmed_at', 'locale', 'time_zone', 'display_name', 'deleted_at'])
    .where('id', '=', userId)
    .executeTakeFirst() as Promise<Recipient | undefined>;
}

/** See the top of this file. Returns the in-app notification's id and the channels queued. */
export async function notify(trx: Trx, userId: string, notice: Notice, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const { id } = await trx
    .insertInto('notifications')
    .values({
      user_id: userId,
      message_key: notice.key,
      params: notice.params ?? {},
      link: notice.link ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const notificationId = Number(id);
  const user = await loadRecipient(trx, userId);
  if (!user || user.deleted_at) return { notificationId, channels: [] as Channel[] };
  const choice = await choiceFor(trx, userId, notice.kind);
  const reach = reachOf(user);
  let capReached = false;
  if (reach.phone && choice.phone !== 'off') {
    // Two notices to her at once must not both take the last message of the day.
    await sql`select pg_advisory_xact_lock(hashtext('notify-cap'), hashtext(${userId}))`.execute(trx);
    capReached = (await phoneNoticesToday(trx, userId, now)) >= dailyCap();
  }
  const queued: Channel[] = [];
  const every = digestMinutes[notice.kind];
  for (const channel of planChannels(choice, reach, capReached)) {
    let sendAfter: Date | null = null;
    if (every) {
      // A digest: a waiting one already covers this notice; otherwise the next goes `every` minutes after the last.
      const last = await trx
        .selectFrom('outbox_emails')
        .select([
          sql<number>`count(*) filter (where status = 'pending')`.as('waiting'),
          sql<Date | null>`max(coalesce(sent_at, created_at))`.as('last'),
        ])
        .where('user_id', '=', userId)
        .where('kind', '=', notice.kind)
        .where('channel', '=', channel)
        .executeTakeFirstOrThrow();
      if (Number(last.waiting) > 0) continue;
      const next = last.last ? new Date(new Date(last.last).getTime() + every * 60_000) : null;
      if (next && next > now) sendAfter = next;
    }
    if (await queueDelivery(trx, user, notice, notificationId, channel, { now, sendAfter, digest: Boolean(every) }))
      queued.push(channel);
  }
  return { notificationId, channels: queued };
}

export { loadRecipient };
export type { Recipient };
