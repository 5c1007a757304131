import type { SessionStatus } from '../../../db/schema';

// What every part of mentoring agrees on: the payment hold and which sessions occupy a slot.

export const hour = 3_600_000;
/** How long a paid booking holds its slot while the mentee pays. */
export const paymentHoldMinutes = 30;
/** The sessions that occupy a slot (the exclusion constraints' WHERE). */
export const occupyingStatuses: SessionStatus[] = ['awaiting_payment', 'pending', 'confirmed'];
