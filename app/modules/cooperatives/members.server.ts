import { type Expression, sql } from 'kysely';
import { z } from 'zod';
import type { BusinessType, MemberRole } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { fields } from '~/lib/forms.server';
import type { MessageKey } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { parsePhone } from '~/lib/phone';
import { notify } from '~/modules/notifications/notify.server';

// Cooperatives (hợp tác xã), cooperative groups (tổ hợp tác) and household
// businesses (hộ kinh doanh) with their members (issue 20). The owner or a manager
// invites by phone or e-mail; the invited person accepts on /account/memberships,
// choosing whether the storefront may show her. Who may act on the business's
// listings and orders is decided in app/lib/auth.server.ts (requireSeller).

import { businessTypes } from './business-types';

export { businessTypes } from './business-types';
export const memberRoles = ['manager', 'member'] as const;

export function hasMembers(type: BusinessType) {
  return type !== 'individual';
}

export const businessTypeSchema = z.object({
  type: z.enum(businessTypes, { error: 'validation.invalid' }),
});

/** "0912 345 678" or "lan@example.vn": the one contact field of an invitation. */
export const inviteSchema = z.object({
  contact: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(254, 'validation.tooLong')
    .transform((v, ctx) => {
      if (v.includes('@')) {
        const email = z.email().safeParse(v.toLowerCase());
        if (email.success) return { email: email.data, phone: null };
        ctx.addIssue({ code: 'custom', message: 'validation.email' });
        return z.NEVER;
      }
      const phone = parsePhone(v);
      if (phone.ok) return { email: null, phone: phone.e164 };
      ctx.addIssue({ code: 'custom', message: 'coop.invite.contactInvalid' });
      return z.NEVER;
    }),
  role: z.enum(memberRoles, { error: 'validation.invalid' }),
});

export const answerSchema = z.object({
  id: z.string().refine(isUuid, 'validation.invalid'),
  answer: z.enum(['accept', 'decline'], { error: 'validation.invalid' }),
  displayName: fields.text(80),
  woman: z
    .string()
    .optional()
    .transform((v) => v === '1'),
  show: z
    .string()
    .optional()
    .transform((v) => v === '1'),
});

export const consentSchema = z.object({
  id: z.string().refine(isUuid, 'validation.invalid'),
  show: z
    .string()
    .optional()
    .transform((v) => v === '1'),
});

export async function businessOf(sellerId: string) {
  return (
    (await db
      .selectFrom('business_profiles')
      .select(['user_id', 'business_name', 'slug', 'business_type', 'verification_status'])
      .where('user_id', '=', sellerId)
      .executeTakeFirst()) ?? null
  );
}

/** The owner sets what her business is; a business with members cannot go back to 'individual'. */
export async function setBusinessType(ownerId: string, type: BusinessType): Promise<MessageKey | null> {
  return db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('business_profiles')
      .select('user_id')
      .where('user_id', '=', ownerId)
      .forUpdate()
      .executeTakeFirst();
    if (!profile) return 'coop.type.noProfile';
    if (type === 'individual') {
      const members = await trx
        .selectFrom('business_members')
        .select('id')
        .where('business_id', '=', ownerId)
        .where('state', 'in', ['invited', 'active'])
        .executeTakeFirst();
      if (members) return 'coop.type.hasMembers';
    }
    await trx
      .updateTable('business_profiles')
      .set({ business_type: type, updated_at: new Date() })
      .where('user_id', '=', ownerId)
      .execute();
    return null;
  });
}

export type InviteResult = { ok: true } | { ok: false; field: 'contact' | 'form'; error: MessageKey };

/**
 * Invites someone by phone or e-mail. When an account already has that contact she
 * gets a notice at once; otherwise the invitation waits until she signs up with it.
 * The same contact twice while invited or active: refused (unique index).
 */
export async function inviteMember(
  businessId: string,
  invitedBy: string,
  input: { contact: { email: string | null; phone: string | null }; role: MemberRole },
): Promise<InviteResult> {
  const business = await businessOf(businessId);
  if (!business || !hasMembers(business.business_type))
    return { ok: false, field: 'form', error: 'coop.invite.notCooperative' };
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('business_members')
        .values({
          business_id: businessId,
          invited_by: invitedBy,
          invited_email: input.contact.email,
          invited_phone: input.contact.phone,
          role: input.role,
        })
        .execute();
      let people = trx.selectFrom('users').select('id').where('deleted_at', 'is', null);
      people = input.contact.email
        ? people.where('email', '=', input.contact.email)
        : people.where('phone', '=', input.contact.phone).where('phone_confirmed_at', 'is not', null);
      const person = await people.executeTakeFirst();
      if (person && person.id !== businessId)
        await notify(trx, person.id, {
          kind: 'account',
          key: 'coop.notice.invited',
          params: { business: business.business_name },
          link: '/account/memberships',
        });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      return { ok: false, field: 'contact', error: 'coop.invite.duplicate' };
    throw error;
  }
  return { ok: true };
}

/** SQL: this invitation was sent to her (her e-mail, or her confirmed phone). */
function invitedTo(userId: string) {
  return sql<boolean>`exists (select 1 from users u where u.id = ${userId} and (
    (m.invited_email is not null and m.invited_email = u.email) or
    (m.invited_phone is not null and u.phone_confirmed_at is not null and m.invited_phone = u.phone)))`;
}

/** Her invitations waiting for an answer, and the businesses she is a member of. */
export async function membershipsOf(userId: string) {
  return db
    .selectFrom('business_members as m')
    .innerJoin('business_profiles as b', 'b.user_id', 'm.business_id')
    .select([
      'm.id',
      'm.role',
      'm.state',
      'm.display_name',
      'm.show_on_storefront',
      'm.is_woman',
      'b.business_name',
      'b.slug',
      'b.business_type',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('m.state', '=', 'invited'), invitedTo(userId)]),
        eb.and([eb('m.state', '=', 'active'), eb('m.user_id', '=', userId)]),
      ]),
    )
    .orderBy('m.created_at', 'desc')
    .execute();
}

/** She accepts (with her name, and whether the storefront may show her) or declines. */
export async function answerInvitation(
  userId: string,
  input: { id: string; answer: 'accept' | 'decline'; displayName: string; woman: boolean; show: boolean },
): Promise<MessageKey | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('business_members as m')
        .select(['m.id', 'm.business_id'])
        .where('m.id', '=', input.id)
        .where('m.state', '=', 'invited')
        .where(invitedTo(userId))
        .forUpdate()
        .executeTakeFirst();
      if (!row) return 'coop.answer.gone';
      if (row.business_id === userId) return 'coop.answer.gone';
      await trx
        .updateTable('business_members')
        .set(
          input.answer === 'accept'
            ? {
                state: 'active',
                user_id: userId,
                display_name: input.displayName,
                is_woman: input.woman,
                show_on_storefront: input.show,
                accepted_at: new Date(),
              }
            : { state: 'declined' },
        )
        .where('id', '=', row.id)
        .execute();
      return null;
    });
  } catch (error) {
    // Already an active member there, or already managing another business.
    if ((error as { code?: string }).code === '23505') return 'coop.answer.already';
    throw error;
  }
}

/** She changes her consent to be shown, or leaves (show = false keeps her a member). */
export async function setStorefrontConsent(userId: string, memberId: string, show: boolean) {
  const result = await db
    .updateTable('business_members')
    .set({ show_on_storefront: show })
    .where('id', '=', memberId)
    .where('user_id', '=', userId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function leaveBusiness(userId: string, memberId: string) {
  const result = await db
    .updateTable('business_members')
    .set({ state: 'removed', show_on_storefront: false })
    .where('id', '=', memberId)
    .where('user_id', '=', userId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The business's members and open invitations, for its owner and managers. */
export async function listMembers(businessId: string) {
  return db
    .selectFrom('business_members as m')
    .select([
      'm.id',
      'm.role',
      'm.state',
      'm.display_name',
      'm.invited_email',
      'm.invited_phone',
      'm.show_on_storefront',
      'm.is_woman',
    ])
    .where('m.business_id', '=', businessId)
    .where('m.state', 'in', ['invited', 'active'])
    .orderBy(sql`case m.state when 'active' then 0 else 1 end`)
    .orderBy('m.created_at')
    .execute();
}

export async function removeMember(businessId: string, memberId: string) {
  const result = await db
    .updateTable('business_members')
    .set({ state: 'removed', show_on_storefront: false })
    .where('id', '=', memberId)
    .where('business_id', '=', businessId)
    .where('state', 'in', ['invited', 'active'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type StorefrontMembers = {
  shown: { id: string; display_name: string | null; role: MemberRole }[];
  members: number;
  women: number;
};

/**
 * What the storefront shows of a business's members, as a column of another query:
 * the members who agreed to be shown (at most 100), and how many members are women.
 */
export function storefrontMembersOf(businessId: Expression<string>) {
  return sql<StorefrontMembers>`(
    select json_build_object(
      'shown', coalesce((
        select json_agg(json_build_object('id', s.id, 'display_name', s.display_name, 'role', s.role) order by s.accepted_at)
        from (
          select id, display_name, role, accepted_at from business_members
          where business_id = ${businessId} and state = 'active' and show_on_storefront
          order by accepted_at limit 100
        ) s
      ), '[]'),
      'members', count(*)::int,
      'women', (count(*) filter (where is_woman))::int
    )
    from business_members
    where business_id = ${businessId} and state = 'active'
  )`;
}

export async function storefrontMembers(businessId: string) {
  const { rows } = await sql<{
    members: StorefrontMembers;
  }>`select ${storefrontMembersOf(sql.val(businessId))} as members`.execute(db);
  return rows[0].members;
}

/** Sales of the business per maker (delivered or on the way; cancelled orders left out). */
export async function salesByMember(businessId: string) {
  return db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .innerJoin('listings as l', 'l.id', 'i.listing_id')
    .leftJoin('business_members as m', 'm.id', 'l.maker_member_id')
    .select([
      'm.id',
      'm.display_name',
      sql<number>`sum(i.quantity)::int`.as('units'),
      sql<number>`sum(i.quantity * i.unit_price)::bigint`.as('revenue'),
    ])
    .where('o.seller_id', '=', businessId)
    .where('o.state', 'not in', ['cancelled', 'refunded', 'awaiting_payment'])
    .groupBy(['m.id', 'm.display_name'])
    .orderBy(sql`sum(i.quantity * i.unit_price)`, 'desc')
    .execute();
}

/** The active members a listing can name as its maker. */
export async function makerChoices(businessId: string) {
  return db
    .selectFrom('business_members')
    .select(['id', 'display_name'])
    .where('business_id', '=', businessId)
    .where('state', '=', 'active')
    .orderBy('display_name')
    .execute();
}

/** Names the maker of a listing (null: nobody); only an active member of the listing's business. */
export async function setListingMaker(sellerId: string, listingId: string, memberId: string | null) {
  const result = await db
    .updateTable('listings')
    .set({ maker_member_id: memberId })
    .where('id', '=', listingId)
    .where('seller_id', '=', sellerId)
    .where((eb) =>
      memberId === null
        ? sql<boolean>`true`
        : eb.exists(
            eb
              .selectFrom('business_members')
              .select('id')
              .where('id', '=', memberId)
              .where('business_id', '=', sellerId)
              .where('state', '=', 'active'),
          ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
