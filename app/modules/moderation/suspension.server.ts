import { sql } from 'kysely';

// SQL for "this account is not suspended", so every public query says it the
// same way. A time-limited suspension ends by itself: the end is compared with now().

/** True for a users row (by alias) that is not suspended now. */
export function accountActive(alias: string) {
  return sql<boolean>`(${sql.ref(`${alias}.suspended_at`)} is null or ${sql.ref(`${alias}.suspended_until`)} <= now())`;
}

/** True for a listings row (by alias) whose seller is not suspended now (the copy kept by triggers, 0810). */
export function sellerActive(alias: string) {
  return sql<boolean>`(${sql.ref(`${alias}.seller_suspended_until`)} is null or ${sql.ref(`${alias}.seller_suspended_until`)} <= now())`;
}
