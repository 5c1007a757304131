// Issue 19: how long a queue item has waited, in working days in Vietnam
// (Monday to Friday, Asia/Ho_Chi_Minh, UTC+7 all year), against a target set by
// QUEUE_TARGET_WORKING_DAYS (3 by default). Weekends do not count; a request
// sent on Saturday starts waiting on Monday morning. Public holidays are not
// known to Sen and count as working days.

const dayMs = 24 * 60 * 60 * 1000;
const vietnamOffsetMs = 7 * 60 * 60 * 1000;

export function queueTargetDays(env: Record<string, string | undefined> = process.env) {
  const n = Number(env.QUEUE_TARGET_WORKING_DAYS);
  return Number.isFinite(n) && n > 0 && n <= 60 ? n : 3;
}

/** Working milliseconds between two instants, counted on Vietnam's calendar. */
export function workingMsBetween(from: Date, to: Date) {
  let start = from.getTime() + vietnamOffsetMs;
  const end = to.getTime() + vietnamOffsetMs;
  let total = 0;
  while (start < end) {
    const dayStart = Math.floor(start / dayMs) * dayMs;
    const dayEnd = dayStart + dayMs;
    // getUTCDay on the shifted instant is the weekday in Vietnam: 0 Sunday, 6 Saturday.
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday !== 0 && weekday !== 6) total += Math.min(end, dayEnd) - start;
    start = dayEnd;
  }
  return total;
}

export type Pace = { waitingDays: number; overdue: boolean };

/** Full working days waited, and whether that is over the target. */
export function paceOf(since: Date | string | null, now = new Date(), target = queueTargetDays()): Pace | null {
  if (!since) return null;
  const ms = workingMsBetween(new Date(since), now);
  return { waitingDays: Math.floor(ms / dayMs), overdue: ms > target * dayMs };
}

/** Over-target items first, the oldest first among them; the rest keep their order. */
export function overdueFirst<T>(items: T[], since: (item: T) => Date | string | null, now = new Date()) {
  const target = queueTargetDays();
  const keyed = items.map((item, index) => {
    const at = since(item);
    return { item, index, at: at ? new Date(at).getTime() : Infinity, pace: paceOf(at, now, target) };
  });
  keyed.sort((a, b) => {
    const ao = a.pace?.overdue ? 0 : 1;
    const bo = b.pace?.overdue ? 0 : 1;
    if (ao !== bo) return ao - bo;
    if (ao === 0) return a.at - b.at;
    return a.index - b.index;
  });
  return keyed.map((k) => ({ ...k.item, pace: k.pace }));
}
