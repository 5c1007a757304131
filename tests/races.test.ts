import { describe, expect, it } from 'vitest';
import { countryScope } from '../app/lib/auth.server';
import { db, engineFromEnv } from '../app/lib/db.server';
import {
  bookSession,
  cancelSession,
  decide,
  findSessionFor,
  freeSlots,
  rescheduleSession,
  saveOffer,
} from '../app/modules/mentoring/index.server';
import { moderate } from '../app/modules/moderation/moderation.server';
import { addToCart, changeOrder, checkout } from '../app/modules/orders';
import { transition } from '../app/modules/verification';
import { action as sessionAction } from '../app/routes/sessions.$id';
import { useCleanDatabase } from './support/clean';
import { call, createTestUser, formRequest, statusOf } from './support/fixtures';
import { freePhoneOffer } from './support/mentoring';
import { delivery, sellerWithListing, stockOf } from './support/orders';

// Issue 12, point 5: every state change names the state it expects, so two
// people acting on one thing at once leave one winner and a consistent record —
// never a transition undone, never an error page. Each capability's transitions
// race each other here, on both engines.

useCleanDatabase();

const engine = engineFromEnv();
const rounds = 5;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function notices(userId: string, key: string) {
  const rows = await db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', userId)
    .where('message_key', '=', key)
    .execute();
  return rows.length;
}

describe('mentoring sessions', () => {
  async function pendingSession() {
    const mentor = await createTestUser({ roles: ['mentor'] });
    await db
      .insertInto('mentor_profiles')
      .values({
        user_id: mentor.id,
        expertise: ['finance'],
        languages: ['vi'],
        experience: 'x',
        bio: 'x',
        province: 'ha-noi',
        status: 'approved',
        updated_at: new Date(),
      })
      .execute();
    const everyDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: 480, end: 1080 }]]));
    expect(await saveOffer(mentor.id, { ...freePhoneOffer, requiresConfirmation: true, weekly: everyDay })).toBe(true);
    const mentee = await createTestUser({ roles: ['entrepreneur'] });
    // Well past the 12-hour cut-off, so both may still move or cancel it.
    const later = (await freeSlots(mentor.id, { limit: 60 })).filter(
      (slot) => slot.start.getTime() > Date.now() + 36 * 3_600_000,
    );
    const [first, second] = [later[0], later[5]];
    const booked = await bookSession({ mentorId: mentor.id, menteeId: mentee.id, startsAt: first.start, note: '' });
    if (!booked.ok) throw new Error('booking failed');
    return { mentor, mentee, id: booked.id, first: first.start, second: second.start };
  }

  const post = (who: { cookie: string }, id: string, fields: Record<string, string>) =>
    call(sessionAction, formRequest(`/sessions/${id}`, fields, { cookie: who.cookie }), { id });

  it('a move and a decline at once: a decline that was confirmed is never undone', async () => {
    const outcomes: string[] = [];
    // The decline lands at a different moment of the move each round: before it
    // reads the session, while it checks the new slot, after it wrote.
    for (let i = 0; i < 12; i += 1) {
      const s = await pendingSession();
      const [moved, declined] = (
        await Promise.all([
          post(s.mentee, s.id, { intent: 'reschedule', startsAt: s.second.toISOString() }),
          pause(i * 4).then(() => post(s.mentor, s.id, { intent: 'decline' })),
        ])
      ).map((answer) => statusOf(answer) === 302);
      const row = await db
        .selectFrom('mentoring_sessions')
        .select(['status', 'starts_at'])
        .where('id', '=', s.id)
        .executeTakeFirstOrThrow();
      expect(moved || declined).toBe(true);
      // Declined: whatever else happened, the session stays declined and she was told once.
      if (declined) expect(row.status).toBe('declined');
      expect(await notices(s.mentee.id, 'mentoring.notify.declined')).toBe(declined ? 1 : 0);
      // Moved: to the new time, and the mentor was told once.
      if (moved) expect(row.starts_at.getTime()).toBe(s.second.getTime());
      else expect(row.starts_at.getTime()).toBe(s.first.getTime());
      expect(await notices(s.mentor.id, 'mentoring.notify.rescheduled')).toBe(moved ? 1 : 0);
      if (!declined) expect(row.status).toBe('pending');
      outcomes.push(moved && declined ? 'moved+declined' : moved ? 'moved' : 'declined');
    }
    console.info(`mentoring move vs decline (${engine}): ${outcomes.join(', ')}`);
  });

  it('a move or a cancellation checked against a session read before a decline changes nothing', async () => {
    // The interleaving the races above may or may not hit, made certain: she read
    // the session, the mentor declined it, then her move or cancellation arrives.
    const s = await pendingSession();
    const read = await findSessionFor(s.id, s.mentee.id);
    if (!read) throw new Error('session not found');
    expect(await decide(s.id, s.mentor.id, 'declined')).toBe(true);
    expect(await rescheduleSession(s.id, s.mentee.id, s.second, new Date(), read)).toMatchObject({
      ok: false,
      problem: 'notAllowed',
    });
    expect(await cancelSession(s.id, s.mentee.id, '', new Date(), read)).toEqual({ ok: false });
    const row = await db
      .selectFrom('mentoring_sessions')
      .select(['status', 'starts_at', 'cancelled_by'])
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'declined', starts_at: s.first, cancelled_by: null });
    expect(await notices(s.mentor.id, 'mentoring.notify.rescheduled')).toBe(0);
  });

  it('a move and a cancellation by each side at once: at most one cancellation, and the record says who', async () => {
    for (let i = 0; i < rounds * 2; i += 1) {
      const s = await pendingSession();
      const [moved, byMentor, byMentee] = (
        await Promise.all([
          post(s.mentee, s.id, { intent: 'reschedule', startsAt: s.second.toISOString() }),
          pause(i * 3).then(() => post(s.mentor, s.id, { intent: 'cancel', reason: 'Bận việc' })),
          pause(i * 2).then(() => post(s.mentee, s.id, { intent: 'cancel', reason: '' })),
        ])
      ).map((answer) => statusOf(answer) === 302);
      const row = await db
        .selectFrom('mentoring_sessions')
        .select(['status', 'starts_at', 'cancelled_by'])
        .where('id', '=', s.id)
        .executeTakeFirstOrThrow();
      // A cancellation checked against the session before it moved is refused: she sees the new time first.
      expect([byMentor, byMentee].filter(Boolean).length).toBeLessThanOrEqual(1);
      if (byMentor || byMentee) {
        expect(row.status).toBe('cancelled');
        expect(row.cancelled_by).toBe(byMentor ? 'mentor' : 'mentee');
      } else {
        expect(moved).toBe(true);
        expect(row.status).toBe('pending');
      }
      expect(row.starts_at.getTime()).toBe((moved ? s.second : s.first).getTime());
    }
  });

  it('a confirmation and a decline at once: one decision, one notice', async () => {
    for (let i = 0; i < rounds; i += 1) {
      const s = await pendingSession();
      const answers = await Promise.all([
        post(s.mentor, s.id, { intent: 'confirm' }),
        post(s.mentor, s.id, { intent: 'decline' }),
      ]);
      expect(answers.map(statusOf).sort()).toEqual([302, 409]);
      const confirmed = await notices(s.mentee.id, 'mentoring.notify.confirmed');
      const declined = await notices(s.mentee.id, 'mentoring.notify.declined');
      expect(confirmed + declined).toBe(1);
    }
  });
});

describe('orders', () => {
  async function placedOrder() {
    const shop = await sellerWithListing({ stock: 3 });
    const buyer = await createTestUser();
    await addToCart(buyer.id, shop.listingId, 2);
    const placed = await checkout(buyer, delivery, 'cod');
    if (!placed.ok) throw new Error('checkout failed');
    const order = await db.selectFrom('orders').select('id').where('buyer_id', '=', buyer.id).executeTakeFirstOrThrow();
    return { shop, buyer, orderId: order.id };
  }

  it("the buyer's cancellation and the seller's acceptance at once: one wins, stock back only if cancelled", async () => {
    for (let i = 0; i < rounds; i += 1) {
      const { shop, buyer, orderId } = await placedOrder();
      const [cancelled, accepted] = await Promise.all([
        changeOrder(buyer, 'buyer', orderId, 'cancel'),
        changeOrder(shop.seller, 'seller', orderId, 'accept'),
      ]);
      expect([cancelled.ok, accepted.ok].filter(Boolean)).toHaveLength(1);
      const { state } = await db
        .selectFrom('orders')
        .select('state')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      expect(state).toBe(cancelled.ok ? 'cancelled' : 'accepted');
      expect(await stockOf(shop.listingId)).toBe(cancelled.ok ? 3 : 1);
    }
  });

  it('both sides cancelling at once put the stock back once', async () => {
    for (let i = 0; i < rounds; i += 1) {
      const { shop, buyer, orderId } = await placedOrder();
      const results = await Promise.all([
        changeOrder(buyer, 'buyer', orderId, 'cancel'),
        changeOrder(shop.seller, 'seller', orderId, 'cancel', { reason: 'Hết hàng' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await stockOf(shop.listingId)).toBe(3);
    }
  });
});

describe('verification decisions', () => {
  it('two staff deciding one request at once: one decision is recorded', async () => {
    const [first, second] = [await createTestUser({ roles: ['staff'] }), await createTestUser({ roles: ['staff'] })];
    const staff = (person: { id: string }) => ({ id: person.id, roles: ['staff' as const] });
    for (let i = 0; i < rounds; i += 1) {
      const owner = await createTestUser({ roles: ['entrepreneur'] });
      await db
        .insertInto('business_profiles')
        .values({
          user_id: owner.id,
          slug: `race-${owner.id.slice(0, 8)}`,
          business_name: 'Race',
          owner_name: 'Chị Lan',
          province: 'lao-cai',
          verification_status: 'submitted',
          updated_at: new Date(),
        })
        .execute();
      await db
        .insertInto('verification_documents')
        .values({
          user_id: owner.id,
          kind: 'citizen_id',
          storage_key: `private/documents/${owner.id}/id.jpg`,
          content_type: 'image/jpeg',
          size_bytes: 10,
        })
        .execute();
      const results = await Promise.all([
        transition({
          subject: 'business',
          userId: owner.id,
          name: 'approve',
          actor: staff(first),
          scope: countryScope,
        }),
        transition({
          subject: 'business',
          userId: owner.id,
          name: 'reject',
          actor: staff(second),
          scope: countryScope,
          reasonCode: 'documents_invalid',
        }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const events = await db
        .selectFrom('verification_events')
        .select('to_status')
        .where('user_id', '=', owner.id)
        .execute();
      const { verification_status } = await db
        .selectFrom('business_profiles')
        .select('verification_status')
        .where('user_id', '=', owner.id)
        .executeTakeFirstOrThrow();
      expect(events.map((e) => e.to_status)).toEqual([verification_status]);
    }
  });
});

describe('moderation decisions', () => {
  it('two staff deciding one report at once: the second is told to look again', async () => {
    const [first, second] = [await createTestUser({ roles: ['staff'] }), await createTestUser({ roles: ['staff'] })];
    for (let i = 0; i < rounds; i += 1) {
      const subject = await createTestUser();
      const reporter = await createTestUser();
      const report = await db
        .insertInto('reports')
        .values({ reporter_id: reporter.id, subject_user_id: subject.id, category: 'harassment' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const results = await Promise.all([
        moderate({
          reportId: report.id,
          staff: { id: first.id, roles: ['staff'], scope: countryScope },
          action: 'dismiss',
          reason: 'Không vi phạm',
          seen: 0,
        }),
        moderate({
          reportId: report.id,
          staff: { id: second.id, roles: ['staff'], scope: countryScope },
          action: 'warn',
          reason: 'Lời lẽ xúc phạm',
          seen: 0,
        }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, problem: 'changed' });
      const decisions = await db
        .selectFrom('moderation_actions')
        .select('action')
        .where('report_id', '=', report.id)
        .execute();
      expect(decisions).toHaveLength(1);
      expect(await notices(subject.id, 'moderation.notify.warn')).toBe(decisions[0].action === 'warn' ? 1 : 0);
    }
  });
});
