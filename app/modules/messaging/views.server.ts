import type { ScamLevel } from '../../../db/schema';
import { shortNumber } from '~/modules/orders/states';
import { SIGNAL_LESSONS, type LessonId, type SignalCode } from '~/modules/safety/detector';
import { maskContacts, type MaskKind } from './mask';
import type { SubjectKind } from './common.server';

export type SignalView = { code: SignalCode; lessonId: LessonId };

function signalViews(codes: string[]): SignalView[] {
  return codes
    .filter((c): c is SignalCode => c in SIGNAL_LESSONS)
    .map((code) => ({ code, lessonId: SIGNAL_LESSONS[code] }));
}

export type MessageView = {
  id: string;
  mine: boolean;
  createdAt: string;
  /** The text as this reader may see it; null when held back or removed by moderation. */
  body: string | null;
  state: 'shown' | 'held' | 'removed';
  /** Her own message, hidden by moderation from the other side. */
  removedForOther: boolean;
  /** Her own message: what in it the other side does not see yet. */
  maskedForOther: MaskKind[];
  level: ScamLevel;
  signals: SignalView[];
};

export type RawMessage = {
  id: string;
  sender_id: string;
  body: string;
  scam_level: ScamLevel;
  scam_signals: string[];
  hidden_at: Date | null;
  created_at: Date;
};

/**
 * One message as `readerId` sees it: her own in full (with what is hidden from
 * the other side); the other's masked until they have done business together,
 * held back when it is dangerous and from a first-time contact (unless she
 * asked to see it), and gone when moderation removed it.
 */
export function viewMessage(
  m: RawMessage,
  ctx: { readerId: string; deal: boolean; readerHasWritten: boolean; show?: string | null },
): MessageView {
  const mine = m.sender_id === ctx.readerId;
  const base = {
    id: m.id,
    mine,
    createdAt: m.created_at.toISOString(),
    level: m.scam_level,
    signals: signalViews(m.scam_signals),
  };
  if (mine) {
    return {
      ...base,
      body: m.body,
      state: 'shown',
      removedForOther: m.hidden_at != null,
      maskedForOther: ctx.deal ? [] : maskContacts(m.body).kinds,
    };
  }
  if (m.hidden_at)
    return {
      ...base,
      body: null,
      state: 'removed',
      removedForOther: false,
      maskedForOther: [],
      level: 'none',
      signals: [],
    };
  const firstContact = !ctx.readerHasWritten && !ctx.deal;
  if (m.scam_level === 'danger' && firstContact && ctx.show !== m.id) {
    return { ...base, body: null, state: 'held', removedForOther: false, maskedForOther: [] };
  }
  return {
    ...base,
    body: ctx.deal ? m.body : maskContacts(m.body).text,
    state: 'shown',
    removedForOther: false,
    maskedForOther: [],
  };
}

type Subject = { kind: SubjectKind; id: string; title: string } | null;

export function subjectOf(row: {
  listing_id: string | null;
  listing_title: string | null;
  order_id: string | null;
  session_id: string | null;
  session_starts_at: Date | null;
}): Subject {
  if (row.order_id) return { kind: 'order', id: row.order_id, title: shortNumber(row.order_id) };
  if (row.session_id && row.session_starts_at)
    return { kind: 'session', id: row.session_id, title: new Date(row.session_starts_at).toISOString() };
  if (row.listing_id && row.listing_title) return { kind: 'listing', id: row.listing_id, title: row.listing_title };
  return null;
}
