import { sql, type Transaction } from 'kysely';
import type { Database, DocumentKind } from '../../../db/schema';
import type { SessionUser, StaffScope } from '~/lib/auth.server';
import { hasRole, inStaffScope, provinceInScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';
import { translatorFor } from '~/lib/i18n.server';
import { log } from '~/lib/log.server';
import { screenBusinessStory, screenMentorBio } from '~/modules/moderation/screening.server';
import { accountActive } from '~/modules/moderation/suspension.server';
import { getStorage, publicUrl } from '~/lib/storage.server';
import type { StoredUpload } from '~/lib/uploads.server';
import { notify } from '~/modules/notifications/notify.server';
import {
  checkTransition,
  finalStatuses,
  reasonCodes,
  transitions,
  type StaffDecision,
  type Subject,
  type TransitionName,
  type TransitionProblem,
  type VerificationStatus,
} from './states';
import { isUuid } from '~/lib/ids';
import { defined } from '~/lib/defined';

export const documentRetentionDays = 30;

// ---- her business profile ----

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

/** Whether she may add or change documents now (before a submission, or when asked for more). */
export function canEditDocuments(status: VerificationStatus) {
  return status === 'draft' || status === 'needs_info' || status === 'rejected';
}

export async function addDocuments(userId: string, kind: DocumentKind, stored: StoredUpload[]) {
  return db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('business_profiles')
      .select('verification_status')
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!profile || !canEditDocuments(profile.verification_status)) return false;
    await trx
      .insertInto('verification_documents')
      .values(
        stored.map((s) => ({
          user_id: userId,
          kind,
          storage_key: s.key,
          thumbnail_key: s.thumbnailKey,
          content_type: s.contentType,
          size_bytes: s.size,
          original_name: s.originalName,
        })),
      )
      .execute();
    return true;
  });
}

/** She removes one of her documents before submitting. */
export async function removeOwnDocument(userId: string, documentId: string) {
  const removed = await db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('business_profiles')
      .select('verification_status')
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!profile || !canEditDocuments(profile.verification_status)) return null;
    return trx
      .deleteFrom('verification_documents')
      .where('id', '=', documentId)
      .where('user_id', '=', userId)
      .returning(['storage_key', 'thumbnail_key'])
      .executeTakeFirst();
  });
  if (removed) await deleteObjects([removed.storage_key, removed.thumbnail_key]);
  return Boolean(removed);
}

export function listOwnDocuments(userId: string) {
  return db
    .selectFrom('verification_documents')
    .select(['id', 'kind', 'content_type', 'size_bytes', 'original_name', 'created_at', 'deleted_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

// ---- mentor applications ----

export type MentorInput = {
  expertise: string[];
  languages: string[];
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

// ---- transitions: the one place that changes a verification state ----

export type TransitionResult =
  | { ok: true; from: VerificationStatus; to: VerificationStatus }
  | { ok: false; problem: TransitionProblem | 'not-found' | 'incomplete' | 'reason-required' };

type Actor = Pick<SessionUser, 'id' | 'roles'>;

const tables = {
  business: { table: 'business_profiles', status: 'verification_status', approvedAt: 'verified_at' },
  mentor: { table: 'mentor_profiles', status: 'status', approvedAt: 'approved_at' },
} as const;

async function lockSubject(
  trx: Transaction<Database>,
  subject: Subject,
  userId: string,
  scope: StaffScope | undefined,
) {
  if (subject === 'business') {
    const row = await trx
      .selectFrom('business_profiles')
      .select(['verification_status as status', 'women_led_declared_at'])
      .where('user_id', '=', userId)
      .$if(Boolean(scope), (q) => q.where(provinceInScope(defined(scope, 'scope'), 'business_profiles.province')))
      .forUpdate()
      .executeTakeFirst();
    return row ? { status: row.status, declared: Boolean(row.women_led_declared_at) } : undefined;
  }
  const row = await trx
    .selectFrom('mentor_profiles')
    .select('status')
    .where('user_id', '=', userId)
    .$if(Boolean(scope), (q) => q.where(inStaffScope(defined(scope, 'scope'), 'mentor_profiles.user_id')))
    .forUpdate()
    .executeTakeFirst();
  return row ? { status: row.status, declared: true } : undefined;
}

/**
 * Moves a business profile or mentor application through one transition,
 * refusing what the rules forbid, writing the audit row, and telling her (in-app
 * and by email) of a staff decision, all in one transaction.
 */
export async function transition(
  input: {
    subject: Subject;
    userId: string;
    name: TransitionName;
    actor: Actor;
    /** Required for a staff decision: outside it the person is not found (issue 19). */
    scope?: StaffScope;
    reasonCode?: string | null;
    reasonText?: string | null;
  },
  outer?: Transaction<Database>,
): Promise<TransitionResult> {
  const { subject, userId, name, actor } = input;
  const rule = transitions[name];
  // A staff decision without a scope would be a decision for the whole country by omission.
  if (rule.by === 'staff' && hasRole(actor, 'staff') && !input.scope) return { ok: false, problem: 'not-found' };
  const reasonText = input.reasonText?.trim() || null;
  let reasonCode = input.reasonCode || null;
  if (rule.by === 'staff') {
    reasonCode ??= name === 'approve' ? 'checked' : null;
    const allowed = reasonCodes[name as StaffDecision];
    if (!reasonCode || !allowed.includes(reasonCode)) return { ok: false, problem: 'reason-required' };
    if (reasonCode === 'other' && !reasonText) return { ok: false, problem: 'reason-required' };
  } else {
    reasonCode = null;
  }

  // Inside the caller's transaction when given one (moderation revokes and audits in one).
  const run = async (trx: Transaction<Database>): Promise<TransitionResult> => {
    const current = await lockSubject(trx, subject, userId, rule.by === 'staff' ? input.scope : undefined);
    if (!current) return { ok: false, problem: 'not-found' };
    const problem = checkTransition(name, {
      from: current.status,
      ownerId: userId,
      actorId: actor.id,
      actorIsStaff: hasRole(actor, 'staff'),
    });
    if (problem) return { ok: false, problem };

    const now = new Date();
    if (name === 'submit') {
      if (subject === 'business') {
        const ids = await trx
          .selectFrom('verification_documents')
          .select('id')
          .where('user_id', '=', userId)
          .where('kind', '=', 'citizen_id')
          .where('storage_key', 'is not', null)
          .executeTakeFirst();
        if (!ids || !current.declared) return { ok: false, problem: 'incomplete' };
      }
    }

    const t = tables[subject];
    const set: Record<string, unknown> = { [t.status]: rule.to, updated_at: now };
    if (name === 'submit') {
      set.submitted_at = now;
      set.decided_at = null;
    } else if (name === 'approve' || name === 'reject' || name === 'revoke') {
      set.decided_at = now;
    }
    if (name === 'approve' || name === 'reinstate') set[t.approvedAt] = now;
    await trx.updateTable(t.table).set(set).where('user_id', '=', userId).execute();
    await trx
      .insertInto('verification_events')
      .values({
        subject,
        user_id: userId,
        actor_id: actor.id,
        from_status: current.status,
        to_status: rule.to,
        reason_code: reasonCode,
        reason_text: reasonText,
      })
      .execute();

    if (subject === 'mentor') {
      // The mentor role follows the application: granted on approval, withdrawn on suspension or revocation.
      if (rule.to === 'approved') {
        await trx
          .insertInto('user_roles')
          .values({ user_id: userId, role: 'mentor' })
          .onConflict((oc) => oc.doNothing())
          .execute();
      } else if (rule.to === 'suspended' || rule.to === 'revoked') {
        await trx.deleteFrom('user_roles').where('user_id', '=', userId).where('role', '=', 'mentor').execute();
      }
    }
    if (rule.by === 'staff')
      await notifyDecision(trx, {
        subject,
        userId,
        to: rule.to,
        reasonCode: defined(reasonCode, 'reason code'),
        reasonText,
      });
    return { ok: true, from: current.status, to: rule.to };
  };
  const result = outer ? await run(outer) : await db.transaction().execute(run);
  if (result.ok)
    log.info('verification transition', { subject, userId, actorId: actor.id, from: result.from, to: result.to });
  return result;
}

async function notifyDecision(
  trx: Transaction<Database>,
  d: { subject: Subject; userId: string; to: VerificationStatus; reasonCode: string; reasonText: string | null },
) {
  const user = await trx.selectFrom('users').select('locale').where('id', '=', d.userId).executeTakeFirstOrThrow();
  const t = translatorFor(user.locale);
  const decisionKey = `verification.decision.${d.subject}.${d.to}` as MessageKey;
  const reasonKey = `verification.reason.${d.reasonCode}` as MessageKey;
  const reason = [t(reasonKey), d.reasonText].filter(Boolean).join(' — ');
  await notify(trx, d.userId, {
    kind: 'verification_decision',
    key: decisionKey,
    params: { reason: d.reasonCode },
    link: '/dashboard/verification',
    email: {
      subject: 'verification.email.subject',
      body: 'verification.email.body',
      params: { decision: t(decisionKey), reason },
    },
  });
}

/** The last staff decision on her profile or application, with its reason (for her dashboard). */
export function findLastDecision(userId: string, subject: Subject) {
  return db
    .selectFrom('verification_events')
    .select(['to_status', 'reason_code', 'reason_text', 'created_at'])
    .where('user_id', '=', userId)
    .where('subject', '=', subject)
    .where('to_status', '!=', 'submitted')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// ---- staff workspace ----

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
    ])
    .where('business_profiles.verification_status', '=', status)
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
  return { user, business, mentor, documents, events };
}

/** A document's storage key, for the staff-only document route (null when gone). */
export async function findDocumentKey(documentId: string, which: 'file' | 'thumbnail', scope: StaffScope) {
  if (!isUuid(documentId)) return null;
  const row = await db
    .selectFrom('verification_documents')
    .select(['storage_key', 'thumbnail_key', 'original_name', 'user_id'])
    .where('id', '=', documentId)
    .where(inStaffScope(scope, 'verification_documents.user_id'))
    .executeTakeFirst();
  const key = which === 'thumbnail' ? row?.thumbnail_key : row?.storage_key;
  return row && key ? { key, name: row.original_name, ownerId: row.user_id } : null;
}

// ---- public storefront ----

/** What anyone may see of a storefront: never the contact details. */
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
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.verified_at ?? new Date(0)]));
}

// ---- impact ----

export async function impactFigures(scope: StaffScope) {
  const [sellers, mentors, waiting, median] = await Promise.all([
    db
      .selectFrom('business_profiles')
      .select(['province', sql<number>`count(*)::int`.as('count')])
      .where('verification_status', '=', 'approved')
      .where(provinceInScope(scope, 'province'))
      .groupBy('province')
      .execute(),
    db
      .selectFrom('mentor_profiles')
      .select(['province', sql<number>`count(*)::int`.as('count')])
      .where('status', '=', 'approved')
      .where(provinceInScope(scope, 'province'))
      .groupBy('province')
      .execute(),
    db
      .selectFrom('business_profiles')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('verification_status', '=', 'submitted')
      .where(provinceInScope(scope, 'province'))
      .executeTakeFirstOrThrow()
      .then(async (b) => {
        const m = await db
          .selectFrom('mentor_profiles')
          .select(sql<number>`count(*)::int`.as('count'))
          .where('status', '=', 'submitted')
          .where(provinceInScope(scope, 'province'))
          .executeTakeFirstOrThrow();
        return { business: b.count, mentor: m.count };
      }),
    // Time from each submission to the staff decision that followed it.
    sql<{ hours: number | null; decisions: number }>`
      select (percentile_cont(0.5) within group (order by extract(epoch from d.created_at - s.created_at)) / 3600)::float8 as hours,
             count(*)::int as decisions
      from verification_events d
      join lateral (
        select created_at from verification_events s
        where s.user_id = d.user_id and s.subject = d.subject and s.to_status = 'submitted' and s.id < d.id
        order by s.id desc limit 1
      ) s on true
      where d.from_status = 'submitted' and ${inStaffScope(scope, 'd.user_id')}`.execute(db),
  ]);
  const byProvince = new Map<string, { sellers: number; mentors: number }>();
  for (const r of sellers) byProvince.set(r.province, { sellers: r.count, mentors: 0 });
  for (const r of mentors)
    byProvince.set(r.province, { sellers: byProvince.get(r.province)?.sellers ?? 0, mentors: r.count });
  const provinces = [...byProvince.entries()]
    .map(([province, v]) => ({ province, ...v }))
    .sort((a, b) => b.sellers + b.mentors - (a.sellers + a.mentors) || a.province.localeCompare(b.province));
  const m = median.rows[0];
  return { provinces, waiting, medianHours: m?.hours ?? null, decisions: m?.decisions ?? 0 };
}

// ---- retention ----

async function deleteObjects(keys: (string | null)[]) {
  const storage = getStorage();
  for (const key of keys) if (key) await storage.delete(key);
}

/**
 * Deletes identity documents from storage 30 days after a final decision
 * (approved, rejected, revoked). The document rows stay (marked deleted), as do
 * the decision and its audit rows.
 */
export async function deleteExpiredDocuments(now = new Date()) {
  const cutoff = new Date(now.getTime() - documentRetentionDays * 24 * 3600 * 1000);
  const due = await db
    .selectFrom('verification_documents')
    .innerJoin('business_profiles', 'business_profiles.user_id', 'verification_documents.user_id')
    .select(['verification_documents.id', 'verification_documents.storage_key', 'verification_documents.thumbnail_key'])
    .where('verification_documents.storage_key', 'is not', null)
    .where('business_profiles.verification_status', 'in', [...finalStatuses])
    .where('business_profiles.decided_at', '<=', cutoff)
    .whereRef('verification_documents.created_at', '<=', 'business_profiles.decided_at')
    .limit(500)
    .execute();
  let deleted = 0;
  for (const doc of due) {
    await deleteObjects([doc.storage_key, doc.thumbnail_key]);
    await db
      .updateTable('verification_documents')
      .set({ storage_key: null, thumbnail_key: null, deleted_at: now })
      .where('id', '=', doc.id)
      .execute();
    deleted += 1;
  }
  if (deleted) log.info('identity documents deleted after retention', { count: deleted });
  return deleted;
}
