import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { publicUrl } from '~/lib/storage.server';
import { type StorefrontMembers, storefrontMembersOf } from '~/modules/cooperatives/members.server';
import { accountActive } from '~/modules/moderation/suspension.server';
import { sellerRatingOf } from '~/modules/orders/reviews.server';

/**
 * What anyone may see of a storefront, never the contact details; with her rating and,
 * for a cooperative or household business, its members (one statement: tests/statements.test.ts).
 */
export async function findStorefront(slug: string) {
  const row = await db
    .selectFrom('business_profiles')
    .innerJoin('users as u', 'u.id', 'business_profiles.user_id')
    .select([
      'user_id',
      'slug',
      'business_name',
      'owner_name',
      'province',
      // A story the scam screening held is not shown until staff clear it (moderation).
      sql<string>`case when story_held then '' else story end`.as('story'),
      'categories',
      'logo_key',
      'cover_key',
      'verification_status',
      'verified_at',
      // Approved but not renewed in time (issue 19): no badge, "verification expired".
      sql<boolean>`verification_status = 'approved' and verified_until <= now()`.as('verification_lapsed'),
      'business_type',
      sellerRatingOf(sql.ref('business_profiles.user_id')).as('rating'),
      sql<StorefrontMembers | null>`case when business_type = 'individual' then null
        else ${storefrontMembersOf(sql.ref('business_profiles.user_id'))} end`.as('members'),
    ])
    .where('slug', '=', slug)
    // A suspended account's storefront shows nothing (moderation).
    .where(accountActive('u'))
    .executeTakeFirst();
  if (!row) return null;
  const { logo_key, cover_key, ...rest } = row;
  return { ...rest, logoUrl: publicUrl(logo_key), coverUrl: publicUrl(cover_key) };
}

/** For other capabilities' pages (listings): which of these sellers carry the badge, and since when. */
export async function verifiedSellers(userIds: string[]) {
  if (!userIds.length) return new Map<string, Date>();
  const rows = await db
    .selectFrom('business_profiles')
    .select(['user_id', 'verified_at'])
    .where('user_id', 'in', userIds)
    .where('verification_status', '=', 'approved')
    .where((eb) => eb.or([eb('verified_until', 'is', null), eb('verified_until', '>', new Date())]))
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.verified_at ?? new Date(0)]));
}
