// Mentor applications: saved by her, decided by staff (transitions.server.ts).
import { db } from '~/lib/db.server';
import { screenMentorBio } from '~/modules/moderation/screening.server';
import type { ExpertiseArea, MentorLanguage } from './options';

export type MentorInput = {
  expertise: ExpertiseArea[];
  languages: MentorLanguage[];
  experience: string;
  bio: string;
  province: string;
};

export function findOwnMentorProfile(userId: string) {
  return db.selectFrom('mentor_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Saves her application; only while it is not under review or decided. */
export async function saveMentorApplication(userId: string, input: MentorInput) {
  const values = {
    expertise: input.expertise,
    languages: input.languages,
    experience: input.experience,
    bio: input.bio,
    province: input.province,
    updated_at: new Date(),
  };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('mentor_profiles')
      .values({ user_id: userId, ...values })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet(values)
          .where('mentor_profiles.status', 'in', ['draft', 'needs_info', 'rejected']),
      )
      .returning('user_id')
      .executeTakeFirst();
    if (row) await screenMentorBio(trx, userId, input.bio);
    return Boolean(row);
  });
}

/** The mentoring feature builds on this: only approved mentors may offer sessions. */
export async function isApprovedMentor(userId: string) {
  const row = await db
    .selectFrom('mentor_profiles')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return Boolean(row);
}

export function listApprovedMentors() {
  return db
    .selectFrom('mentor_profiles')
    .innerJoin('users', 'users.id', 'mentor_profiles.user_id')
    .select([
      'mentor_profiles.user_id',
      'users.display_name',
      'mentor_profiles.expertise',
      'mentor_profiles.languages',
      'mentor_profiles.bio',
      'mentor_profiles.province',
      'mentor_profiles.approved_at',
    ])
    .where('mentor_profiles.status', '=', 'approved')
    .orderBy('users.display_name')
    .execute();
}
