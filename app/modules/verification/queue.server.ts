// The staff workspace: the review queue and one person's review.
import { sql } from 'kysely';
import type { StaffScope } from '~/lib/auth.server';
import { inStaffScope, provinceInScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { withoutIdHash } from './identity.server';
import type { Subject, VerificationStatus } from './states';

export type QueueFilters = { province?: string; status?: VerificationStatus; subject?: Subject };

/** The review queue: business profiles and mentor applications, oldest submission first. */
export async function listQueue(scope: StaffScope, filters: QueueFilters = {}, limit = 100) {
  const status = filters.status ?? 'submitted';
  const business = db
    .selectFrom('business_profiles')
    .innerJoin('users', 'users.id', 'business_profiles.user_id')
    .select([
      sql<Subject>`'business'`.as('subject'),
      'business_profiles.user_id',
      'business_profiles.business_name as title',
      'users.display_name',
      'business_profiles.province',
      'business_profiles.verification_status as status',
      'business_profiles.submitted_at',
      sql<boolean>`business_profiles.renewal_review is not null`.as('renewal'),
    ])
    // A renewal with changes waits in the same queue as a first request (issue 19), marked as such.
    .where((eb) =>
      status === 'submitted' || status === 'needs_info'
        ? eb.or([
            eb('business_profiles.verification_status', '=', status),
            eb.and([
              eb('business_profiles.verification_status', '=', 'approved'),
              eb('business_profiles.renewal_review', '=', status),
            ]),
          ])
        : eb('business_profiles.verification_status', '=', status),
    )
    .where(provinceInScope(scope, 'business_profiles.province'))
    .$if(Boolean(filters.province), (q) => q.where('business_profiles.province', '=', filters.province ?? ''));
  const mentor = db
    .selectFrom('mentor_profiles')
    .innerJoin('users', 'users.id', 'mentor_profiles.user_id')
    .select([
      sql<Subject>`'mentor'`.as('subject'),
      'mentor_profiles.user_id',
      'users.display_name as title',
      'users.display_name',
      'mentor_profiles.province',
      'mentor_profiles.status',
      'mentor_profiles.submitted_at',
      sql<boolean>`false`.as('renewal'),
    ])
    .where('mentor_profiles.status', '=', status)
    .where(inStaffScope(scope, 'mentor_profiles.user_id'))
    .$if(Boolean(filters.province), (q) => q.where('mentor_profiles.province', '=', filters.province ?? ''));
  const query =
    filters.subject === 'business' ? business : filters.subject === 'mentor' ? mentor : business.unionAll(mentor);
  return db
    .selectFrom(query.as('q'))
    .selectAll()
    .orderBy(sql`submitted_at asc nulls last`)
    .orderBy('user_id')
    .limit(limit)
    .execute();
}

/** Everything staff need to decide on one person: her business profile, mentor application, documents and history. */
export async function findReview(userId: string, scope: StaffScope) {
  const inScope = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where(inStaffScope(scope, 'users.id'))
    .executeTakeFirst();
  if (!inScope) return null;
  const [user, business, mentor, documents, events] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'email', 'created_at'])
      .where('id', '=', userId)
      .executeTakeFirst(),
    db.selectFrom('business_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('mentor_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('verification_documents')
      .select([
        'id',
        'kind',
        'content_type',
        'size_bytes',
        'original_name',
        'created_at',
        'deleted_at',
        'thumbnail_key',
      ])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('verification_events')
      .leftJoin('users as actor', 'actor.id', 'verification_events.actor_id')
      .select([
        'verification_events.id',
        'verification_events.subject',
        'verification_events.from_status',
        'verification_events.to_status',
        'verification_events.reason_code',
        'verification_events.reason_text',
        'verification_events.created_at',
        'actor.display_name as actor_name',
      ])
      .where('verification_events.user_id', '=', userId)
      .orderBy('verification_events.id', 'desc')
      .execute(),
  ]);
  if (!user || (!business && !mentor)) return null;
  // The identity number's hash stays on the server; the page shows its last 3 digits.
  return { user, business: business ? withoutIdHash(business) : undefined, mentor, documents, events };
}
