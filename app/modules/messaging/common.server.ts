import type { Locale } from '../../../db/schema';
import type { MessageKey } from '~/lib/i18n';
import { type SignalCode } from '~/modules/safety/detector';

/** Messages per page of a conversation; conversations per page of the inbox. */
export const MESSAGES_PAGE = 20;
export const INBOX_PAGE = 20;
/** At most this many messages per sender per minute. */
export const MESSAGES_PER_MINUTE = 20;
/** At most this many new conversations started per sender in NEW_CONVERSATION_WINDOW_MINUTES. */
export const NEW_CONVERSATIONS_LIMIT = 5;
export const NEW_CONVERSATION_WINDOW_MINUTES = 10;

/** Signals that move money or the talk off Sen: the sender is warned before they are sent. */
export const OFF_PLATFORM_CODES: readonly SignalCode[] = [
  'deposit_request',
  'bank_transfer',
  'ewallet_payment',
  'gift_card_crypto',
  'off_platform_chat',
];

export type Me = { id: string; locale: Locale };
export type SubjectKind = 'listing' | 'order' | 'session';
export type SubjectRef = { kind: SubjectKind; id: string };

export type Refusal = { ok: false; status: 400 | 403 | 404 | 429; error: MessageKey };
export const refuse = (status: Refusal['status'], error: MessageKey): Refusal => ({ ok: false, status, error });
