import { db } from '~/lib/db.server';
import { notify as notifyPerson } from '~/modules/notifications/notify.server';
import { formatDateTime, type MessageKey } from '~/lib/i18n';
import { hour } from './common.server';

// Reminders before a session, sent once each by the mentoring job.

const reminderKinds: { kind: '24h' | '1h'; within: number; key: MessageKey }[] = [
  { kind: '24h', within: 24 * hour, key: 'mentoring.reminder.24h' },
  { kind: '1h', within: hour, key: 'mentoring.reminder.1h' },
];

/**
 * Sends each due reminder (24 h and 1 h before a confirmed session) to both
 * sides, in-app and by email. The reminder row's primary key is claimed first in
 * the same transaction, so a second run, or two workers at once, send nothing twice.
 */
export async function sendDueReminders(now = new Date()) {
  let sent = 0;
  for (const r of reminderKinds) {
    const due = await db
      .selectFrom('mentoring_sessions as s')
      .leftJoin('mentoring_reminders as m', (j) => j.onRef('m.session_id', '=', 's.id').on('m.kind', '=', r.kind))
      .select(['s.id'])
      .where('s.status', '=', 'confirmed')
      .where('s.starts_at', '>', now)
      .where('s.starts_at', '<=', new Date(now.getTime() + r.within))
      // A 24 h reminder is pointless once the 1 h one is due.
      .$if(r.kind === '24h', (q) => q.where('s.starts_at', '>', new Date(now.getTime() + hour)))
      .where('m.session_id', 'is', null)
      .limit(500)
      .execute();
    for (const { id } of due) {
      const done = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto('mentoring_reminders')
          .values({ session_id: id, kind: r.kind })
          .onConflict((oc) => oc.doNothing())
          .returning('session_id')
          .executeTakeFirst();
        if (!claimed) return false;
        const s = await trx
          .selectFrom('mentoring_sessions as s')
          .innerJoin('users as mentor', 'mentor.id', 's.mentor_id')
          .innerJoin('users as mentee', 'mentee.id', 's.mentee_id')
          .select([
            's.starts_at',
            's.mentor_id',
            's.mentee_id',
            'mentor.display_name as mentor_name',
            'mentor.locale as mentor_locale',
            'mentor.time_zone as mentor_zone',
            'mentee.display_name as mentee_name',
            'mentee.locale as mentee_locale',
            'mentee.time_zone as mentee_zone',
          ])
          .where('s.id', '=', id)
          .executeTakeFirstOrThrow();
        const people = [
          { id: s.mentor_id, locale: s.mentor_locale, zone: s.mentor_zone, other: s.mentee_name },
          { id: s.mentee_id, locale: s.mentee_locale, zone: s.mentee_zone, other: s.mentor_name },
        ];
        for (const p of people) {
          const when = formatDateTime(s.starts_at, p.locale, p.zone, { dateStyle: 'full', timeStyle: 'short' });
          await notifyPerson(trx, p.id, {
            kind: 'booking_reminder',
            key: r.key,
            params: { when: s.starts_at.toISOString(), with: p.other },
            link: `/sessions/${id}`,
            email: { subject: r.key, body: 'mentoring.reminder.body', params: { when } },
          });
        }
        return true;
      });
      if (done) sent += 1;
    }
  }
  return { sent };
}
