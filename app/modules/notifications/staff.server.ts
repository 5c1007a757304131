import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { db } from '~/lib/db.server';
import { isMessageKey } from '~/lib/i18n.server';
import { maskPhone } from '~/lib/phone';

/**
 * For staff answering "I never got it": her confirmed channels, her last notices
 * with each delivery (channel, times, status, provider error), and her last
 * codes' sending (channel, time, used) — never a code, never a message's text.
 */
export async function deliveriesForPerson(userId: string) {
  const person = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'phone', 'phone_confirmed_at', 'time_zone'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!person) return null;
  const [notices, codes] = await Promise.all([
    db
      .selectFrom('notifications as n')
      .select((eb) => [
        'n.id',
        'n.message_key',
        'n.params',
        'n.created_at',
        jsonArrayFrom(
          eb
            .selectFrom('outbox_emails as o')
            .select([
              'o.id',
              'o.channel',
              'o.status',
              'o.attempts',
              'o.last_error',
              'o.created_at',
              'o.send_after',
              'o.sent_at',
            ])
            .whereRef('o.notification_id', '=', 'n.id')
            .orderBy('o.id'),
        ).as('deliveries'),
      ])
      .where('n.user_id', '=', userId)
      .orderBy('n.id', 'desc')
      .limit(30)
      .execute(),
    person.phone
      ? db
          .selectFrom('otp_challenges')
          .select(['id', 'purpose', 'channel', 'created_at', 'used_at', 'attempts'])
          .where('phone', '=', person.phone)
          .orderBy('created_at', 'desc')
          .limit(10)
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    person: {
      id: person.id,
      name: person.display_name,
      email: person.email,
      phone: person.phone ? maskPhone(person.phone) : null,
      phoneConfirmed: Boolean(person.phone && person.phone_confirmed_at),
    },
    notices: notices.map((n) => ({
      id: Number(n.id),
      key: isMessageKey(n.message_key) ? n.message_key : null,
      params: n.params,
      createdAt: n.created_at,
      deliveries: n.deliveries,
    })),
    codes,
  };
}
