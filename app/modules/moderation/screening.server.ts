import type { Kysely, Transaction } from 'kysely';
import type { Database, ListingModerationState, ListingState } from '../../../db/schema';
import { detectScam, type ScamLevel } from '~/modules/safety/detector';
import { canonical } from '~/modules/safety/detector/normalise';
import { detectScamWithReports } from './scam-accounts.server';

// Screening on save: listings, business stories and mentor bios go through the
// scam detector when they are written, in the writer's transaction.
//  - danger: the listing is held (it cannot be published; a published one goes
//    back to draft), the story or bio is held (not shown publicly), and a
//    screening report waits for staff;
//  - caution: the listing is flagged (it may be published), and a screening report;
//  - none: nothing changes.
// A hold is lifted only by staff: editing the words away does not lift it.

type Executor = Kysely<Database> | Transaction<Database>;

export type Screening = { level: ScamLevel; codes: string[] };

export function screenText(text: string): Screening {
  if (!text.trim()) return { level: 'none', codes: [] };
  const result = detectScam(text);
  return { level: result.level, codes: result.signals.map((s) => s.code) };
}

const contactPlaceholders = /\bzz(?:phone|acct|link|handle)\b/;

/**
 * A person's or a business's name is shown to strangers on every page and in
 * every conversation header, where no masking applies: it may carry no phone or
 * account number (eight digits or more, whatever separates them), no link or
 * handle, and nothing the detector reads as a scam ("Zalo 0912… ck trước").
 */
export function isPlainName(name: string): boolean {
  const normalised = name.normalize('NFKC');
  if ((normalised.match(/\d/g) ?? []).length >= 8) return false;
  const { text, links } = canonical(normalised);
  if (links.length || contactPlaceholders.test(text)) return false;
  return detectScam(normalised).level !== 'danger';
}

/** screenText plus the shared list of reported scam numbers and links (scam-accounts.server.ts), read through the writer's executor. */
async function screenSaved(ex: Executor, text: string): Promise<Screening> {
  if (!text.trim()) return { level: 'none', codes: [] };
  const result = await detectScamWithReports(text, {}, ex);
  return { level: result.level, codes: result.signals.map((s) => s.code) };
}

/**
 * One open screening report per item (the unique index 0810 guarantees it): a
 * new finding updates the open report's signals instead of adding another.
 */
export async function fileScreeningReport(
  ex: Executor,
  item: { subjectUserId: string; listingId?: string | null; codes: string[] },
) {
  let update = ex
    .updateTable('reports')
    .set({ signals: item.codes })
    .where('status', '=', 'open')
    .where('category', '=', 'screening')
    .where('subject_user_id', '=', item.subjectUserId)
    .where('message_id', 'is', null);
  update = item.listingId ? update.where('listing_id', '=', item.listingId) : update.where('listing_id', 'is', null);
  const updated = await update.executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await ex
    .insertInto('reports')
    .values({
      reporter_id: null,
      subject_user_id: item.subjectUserId,
      listing_id: item.listingId ?? null,
      category: 'screening',
      signals: item.codes,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

const rank: Record<ListingModerationState, number> = { clear: 0, flagged: 1, held: 2, hidden: 3 };

/** A listing's moderation state after a save screened `level`: it only rises; staff lower it. */
export function moderationAfterSave(current: ListingModerationState, level: ScamLevel): ListingModerationState {
  const screened: ListingModerationState = level === 'danger' ? 'held' : level === 'caution' ? 'flagged' : 'clear';
  return rank[screened] > rank[current] ? screened : current;
}

/** May a listing in this moderation state be published? Held and hidden ones may not. */
export function mayPublishModerated(state: ListingModerationState) {
  return state === 'clear' || state === 'flagged';
}

/** Screens a listing just written (inside the writer's transaction). */
export async function screenListing(ex: Executor, listingId: string) {
  const listing = await ex
    .selectFrom('listings')
    .select(['id', 'seller_id', 'title', 'description', 'state', 'moderation_state'])
    .where('id', '=', listingId)
    .executeTakeFirst();
  if (!listing) return null;
  const screening = await screenSaved(ex, `${listing.title}\n${listing.description}`);
  const next = moderationAfterSave(listing.moderation_state, screening.level);
  if (screening.level === 'none' && next === listing.moderation_state) return next;
  const state: ListingState = !mayPublishModerated(next) && listing.state === 'published' ? 'draft' : listing.state;
  await ex
    .updateTable('listings')
    .set({ moderation_state: next, state, ...(screening.codes.length ? { moderation_signals: screening.codes } : {}) })
    .where('id', '=', listingId)
    .execute();
  if (screening.level !== 'none')
    await fileScreeningReport(ex, { subjectUserId: listing.seller_id, listingId, codes: screening.codes });
  return next;
}

/** Screens her business story (danger holds it from the storefront until staff clear it). */
export async function screenBusinessStory(ex: Executor, userId: string, story: string) {
  const screening = await screenSaved(ex, story);
  if (screening.level === 'none') return screening;
  if (screening.level === 'danger')
    await ex.updateTable('business_profiles').set({ story_held: true }).where('user_id', '=', userId).execute();
  await fileScreeningReport(ex, { subjectUserId: userId, codes: screening.codes });
  return screening;
}

/** Screens her mentor bio (danger holds it from the mentor pages until staff clear it). */
export async function screenMentorBio(ex: Executor, userId: string, bio: string) {
  const screening = await screenSaved(ex, bio);
  if (screening.level === 'none') return screening;
  if (screening.level === 'danger')
    await ex.updateTable('mentor_profiles').set({ bio_held: true }).where('user_id', '=', userId).execute();
  await fileScreeningReport(ex, { subjectUserId: userId, codes: screening.codes });
  return screening;
}
