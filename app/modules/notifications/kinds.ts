// The kinds of notice Sen sends, and which channels each uses unless she chose
// otherwise on /account/notifications. Shared by the server and that page.

export const noticeKinds = [
  'order_placed',
  'order_update',
  'booking',
  'booking_reminder',
  'verification_decision',
  'moderation',
  'report_outcome',
  'new_message',
  'account',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === 'string' && (noticeKinds as readonly string[]).includes(value);
}

/** Her phone: Zalo (SMS when Zalo fails), SMS, or nothing. */
export type PhoneChoice = 'zalo' | 'sms' | 'off';
export type ChannelChoice = { phone: PhoneChoice; email: boolean };

/**
 * Orders, bookings and decisions about her reach her phone (Zalo first, SMS as its
 * fallback); everything goes by email when she has one. Chat messages and report
 * outcomes stay off the phone unless she asks: each SMS or Zalo message costs Sen money.
 */
export const defaultChoices: Record<NoticeKind, ChannelChoice> = {
  order_placed: { phone: 'zalo', email: true },
  order_update: { phone: 'zalo', email: true },
  booking: { phone: 'zalo', email: true },
  booking_reminder: { phone: 'zalo', email: true },
  verification_decision: { phone: 'zalo', email: true },
  moderation: { phone: 'zalo', email: true },
  report_outcome: { phone: 'off', email: true },
  new_message: { phone: 'off', email: true },
  account: { phone: 'off', email: true },
};

/** Kinds sent as one digest at most every this many minutes per channel (a chat makes many notices). */
export const digestMinutes: Partial<Record<NoticeKind, number>> = { new_message: 30 };
