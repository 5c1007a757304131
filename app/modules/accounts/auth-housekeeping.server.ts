import { sql } from 'kysely';
import { db } from '~/lib/db.server';

// ---- housekeeping (a job) ----

export async function deleteExpiredAuthRows() {
  const sessions = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  const tokens = await db
    .deleteFrom('password_reset_tokens')
    .where((eb) => eb.or([eb('expires_at', '<=', sql<Date>`now()`), eb('used_at', 'is not', null)]))
    .executeTakeFirst();
  await db
    .deleteFrom('password_reset_requests')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  // By age only: a used sign-up still counts towards its address's limit for the hour.
  await db
    .deleteFrom('signup_requests')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  const failures = await db
    .deleteFrom('login_failures')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  const challenges = await db
    .deleteFrom('login_challenges')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  // Phone codes (with a waiting sign-up's name and password hash) count towards the daily limits for a day, then go.
  await db
    .deleteFrom('otp_challenges')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  // Links to confirm an added email count towards their hourly limit, then go.
  await db
    .deleteFrom('email_confirmations')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  return {
    loginChallenges: Number(challenges.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    resetTokens: Number(tokens.numDeletedRows),
    loginFailures: Number(failures.numDeletedRows),
  };
}
