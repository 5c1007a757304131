import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { accountActive } from '~/modules/moderation/suspension.server';
import { isUuid } from '~/lib/ids';

// Lists: her sessions, and the mentor directory with its filters.

export function listSessionsFor(userId: string) {
  return db
    .selectFrom('mentoring_sessions as s')
    .innerJoin('users as mentor', 'mentor.id', 's.mentor_id')
    .innerJoin('users as mentee', 'mentee.id', 's.mentee_id')
    .select([
      's.id',
      's.mentor_id',
      's.mentee_id',
      's.starts_at',
      's.ends_at',
      's.status',
      's.meeting_mode',
      's.late_cancellation',
      's.cancelled_by',
      's.rating',
      'mentor.display_name as mentor_name',
      'mentee.display_name as mentee_name',
    ])
    .where((eb) => eb.or([eb('s.mentor_id', '=', userId), eb('s.mentee_id', '=', userId)]))
    .orderBy('s.starts_at', 'desc')
    .limit(200)
    .execute();
}

export type MentorFilters = { topic?: string; language?: string; price?: 'free' | 'paid'; province?: string };

/** Approved mentors with an active offer, their rating and sessions held. */
export function listMentors(filters: MentorFilters = {}, now = new Date()) {
  let q = db
    .selectFrom('mentor_offers as o')
    .innerJoin('mentor_profiles as p', 'p.user_id', 'o.mentor_id')
    .innerJoin('users as u', 'u.id', 'o.mentor_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('mentoring_sessions')
          .select((e) => [
            'mentor_id',
            sql<number | null>`round(avg(rating)::numeric, 1)`.as('average_rating'),
            e.fn.count<number>('rating').as('ratings'),
            sql<number>`count(*) filter (where status = 'confirmed' and ends_at <= ${now})`.as('held'),
          ])
          .groupBy('mentor_id')
          .as('st'),
      (join) => join.onRef('st.mentor_id', '=', 'o.mentor_id'),
    )
    .select([
      'o.mentor_id',
      'u.display_name',
      sql<string>`case when p.bio_held then '' else p.bio end`.as('bio'),
      'p.province',
      'o.topics',
      'o.languages',
      'o.price',
      'o.session_minutes',
      'o.meeting_mode',
      'st.average_rating',
      'st.ratings',
      'st.held',
    ])
    .where('p.status', '=', 'approved')
    .where('o.active', '=', true)
    .where(accountActive('u'));
  if (filters.topic) q = q.where(sql<boolean>`${filters.topic} = any(o.topics)`);
  if (filters.language) q = q.where(sql<boolean>`${filters.language} = any(o.languages)`);
  if (filters.price === 'free') q = q.where('o.price', '=', 0);
  if (filters.price === 'paid') q = q.where('o.price', '>', 0);
  if (filters.province) q = q.where('o.meeting_mode', '=', 'in_person').where('p.province', '=', filters.province);
  return q.orderBy('u.display_name').limit(100).execute();
}

export async function findMentor(mentorId: string, now = new Date()) {
  if (!isUuid(mentorId)) return null;
  const rows = await listMentorsById(mentorId, now);
  return rows ?? null;
}

async function listMentorsById(mentorId: string, now: Date) {
  const row = await db
    .selectFrom('mentor_offers as o')
    .innerJoin('mentor_profiles as p', 'p.user_id', 'o.mentor_id')
    .innerJoin('users as u', 'u.id', 'o.mentor_id')
    .selectAll('o')
    .select([
      'u.display_name',
      sql<string>`case when p.bio_held then '' else p.bio end`.as('bio'),
      'p.experience',
      'p.province',
    ])
    .select([
      sql<
        number | null
      >`(select round(avg(rating)::numeric, 1) from mentoring_sessions where mentor_id = o.mentor_id)`.as(
        'average_rating',
      ),
      sql<number>`(select count(rating) from mentoring_sessions where mentor_id = o.mentor_id)`.as('ratings'),
      sql<number>`(select count(*) from mentoring_sessions where mentor_id = o.mentor_id and status = 'confirmed' and ends_at <= ${now})`.as(
        'held',
      ),
    ])
    .where('o.mentor_id', '=', mentorId)
    .where('p.status', '=', 'approved')
    .where('o.active', '=', true)
    // A suspended mentor's page shows nothing (moderation).
    .where(accountActive('u'))
    .executeTakeFirst();
  return row;
}
