// Pure rules on account suspension, shared by the server modules and pages.

export type SuspensionColumns = { suspended_at: Date | string | null; suspended_until: Date | string | null };

/** Suspended now: suspended_at set, and either for good (no end) or the end still ahead. */
export function isSuspended(user: SuspensionColumns, now = new Date()) {
  if (!user.suspended_at) return false;
  if (!user.suspended_until) return true;
  return new Date(user.suspended_until).getTime() > now.getTime();
}

export const suspensionPeriods = ['1', '7', '30', 'forever'] as const;
export type SuspensionPeriod = (typeof suspensionPeriods)[number];

/** When a suspension of `period` days that starts `now` ends; null for good. */
export function suspensionEnd(period: SuspensionPeriod, now = new Date()): Date | null {
  if (period === 'forever') return null;
  return new Date(now.getTime() + Number(period) * 24 * 60 * 60 * 1000);
}
