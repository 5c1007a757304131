// Quiet hours: no non-urgent SMS or Zalo message between 21:00 and 07:00 in her
// own time zone (NOTIFY_QUIET_HOURS, "21-7"). Pure functions of a clock, so tests
// inject the time instead of waiting for it.

export type QuietHours = { start: number; end: number };

/** "21-7" → 21:00 to 07:00; anything unreadable gives the default; "0-0" turns them off. */
export function quietHoursFromEnv(value: string | undefined = process.env.NOTIFY_QUIET_HOURS): QuietHours {
  const match = /^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*$/.exec(value ?? '');
  if (!match) return { start: 21, end: 7 };
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start < 24 && end < 24 ? { start, end } : { start: 21, end: 7 };
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** Her wall-clock date and time at `at` in `timeZone`. */
function wallClock(at: Date, timeZone: string) {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

function inQuiet(hour: number, q: QuietHours) {
  if (q.start === q.end) return false;
  // 21-7 wraps past midnight; 1-5 does not.
  return q.start > q.end ? hour >= q.start || hour < q.end : hour >= q.start && hour < q.end;
}

export function isQuietTime(at: Date, timeZone: string, q: QuietHours = quietHoursFromEnv()) {
  return inQuiet(wallClock(at, timeZone).hour, q);
}

/**
 * When a message written at `at` may go: `at` itself outside quiet hours,
 * otherwise the next end of quiet hours (07:00) on her clock.
 */
export function sendableAt(at: Date, timeZone: string, q: QuietHours = quietHoursFromEnv()): Date {
  const w = wallClock(at, timeZone);
  if (!inQuiet(w.hour, q)) return at;
  // The wall-clock morning: today if it is already past midnight, else tomorrow.
  const dayShift = q.start > q.end && w.hour >= q.start ? 1 : 0;
  const target = Date.UTC(w.year, w.month - 1, w.day + dayShift, q.end, 0, 0);
  // Wall clock minus UTC is her offset now; check it again at the target (a DST change overnight).
  const offsetNow =
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000;
  let guess = new Date(target - offsetNow);
  const g = wallClock(guess, timeZone);
  const offsetThen = Date.UTC(g.year, g.month - 1, g.day, g.hour, g.minute, g.second) - guess.getTime();
  if (offsetThen !== offsetNow) guess = new Date(target - offsetThen);
  return guess;
}
