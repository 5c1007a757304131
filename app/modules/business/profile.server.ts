// Her business profile: what she tells about her business (the verification
// module decides on it; the storefront shows it).
import type { MessageKey } from '~/lib/i18n';
import { db } from '~/lib/db.server';
import { screenBusinessStory } from '~/modules/moderation/screening.server';
import { canEditDocuments } from '~/modules/verification/states';

export type BusinessProfileInput = {
  businessName: string;
  ownerName: string;
  province: string;
  story: string;
  categories: string[];
  slug: string;
  contactPhone?: string;
  contactEmail?: string;
};

export function findOwnBusinessProfile(userId: string) {
  return db.selectFrom('business_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Creates or updates her profile; the first save makes her an entrepreneur. A taken slug is a field error. */
export async function saveBusinessProfile(
  userId: string,
  input: BusinessProfileInput,
): Promise<{ ok: true } | { ok: false; errors: Partial<Record<string, MessageKey>> }> {
  const values = {
    business_name: input.businessName,
    owner_name: input.ownerName,
    province: input.province,
    story: input.story,
    categories: input.categories,
    slug: input.slug,
    contact_phone: input.contactPhone ?? null,
    contact_email: input.contactEmail ?? null,
    updated_at: new Date(),
  };
  // What staff checked (the business and owner names) cannot change under review or once
  // decided: the badge vouches for them. Story, categories, pictures and contacts can.
  const current = await db
    .selectFrom('business_profiles')
    .select(['business_name', 'owner_name', 'verification_status'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (current && !canEditDocuments(current.verification_status)) {
    const errors: Partial<Record<string, MessageKey>> = {};
    if (current.business_name !== input.businessName) errors.businessName = 'verification.profile.lockedWhileVerified';
    if (current.owner_name !== input.ownerName) errors.ownerName = 'verification.profile.lockedWhileVerified';
    if (Object.keys(errors).length) return { ok: false, errors };
  }
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('business_profiles')
        .values({ user_id: userId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
      await trx
        .insertInto('user_roles')
        .values({ user_id: userId, role: 'entrepreneur' })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await screenBusinessStory(trx, userId, input.story);
    });
    return { ok: true };
  } catch (error) {
    if ((error as { code?: string; constraint?: string }).code === '23505')
      return { ok: false, errors: { slug: 'verification.profile.slugTaken' } };
    throw error;
  }
}

/** Sets her logo or cover (public objects) and returns the key it replaced, for deletion. */
export async function setProfileImage(userId: string, which: 'logo' | 'cover', key: string) {
  const column = which === 'logo' ? 'logo_key' : 'cover_key';
  const before = await db
    .selectFrom('business_profiles')
    .select(column)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!before) return { ok: false as const };
  await db
    .updateTable('business_profiles')
    .set({ [column]: key, updated_at: new Date() })
    .where('user_id', '=', userId)
    .execute();
  return { ok: true as const, previous: (before as Record<string, string | null>)[column] };
}

export async function declareWomenLed(userId: string, declared: boolean) {
  await db
    .updateTable('business_profiles')
    .set({ women_led_declared_at: declared ? new Date() : null, updated_at: new Date() })
    .where('user_id', '=', userId)
    .where('verification_status', 'in', ['draft', 'needs_info', 'rejected'])
    .execute();
}
