// Free slots, computed from a mentor's availability in HER time zone and returned
// as UTC instants (the viewer's page formats them in the viewer's zone). Pure: no
// database, no clock; everything it needs is passed in. Uses Intl only.

export type Range = { start: number; end: number }; // minutes after local midnight
export type WeeklyRange = Range & { weekday: number }; // 1 = Monday … 7 = Sunday
export type ExtraDate = Range & { day: string }; // YYYY-MM-DD in the mentor's zone
export type Busy = { start: Date; blockedUntil: Date };

export type Availability = {
  timeZone: string;
  weekly: WeeklyRange[];
  datesOff: string[];
  extraDates: ExtraDate[];
  sessionMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  maxDaysAhead: number;
};

export type Slot = { start: Date; end: Date };

const minute = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
export function zonedParts(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

/** How far a zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string) {
  const p = zonedParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock of `timeZone` shows `day` + `minutes`.
 * A time skipped by a daylight-saving change (02:30 on the spring-forward day)
 * maps to the instant one hour later on the new offset.
 */
export function zonedToUtc(day: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (first === second) return new Date(first);
  // The two guesses disagree near a change: take the one whose wall clock matches, else the later.
  const matches = (t: number) => t + offsetAt(t, timeZone) === wall;
  if (matches(second)) return new Date(second);
  if (matches(first)) return new Date(first);
  return new Date(Math.max(first, second));
}

/** YYYY-MM-DD of an instant in a zone. */
export function localDay(instant: Date, timeZone: string) {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function addDays(day: string, n: number) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string) {
  const [y, m, d] = day.split('-').map(Number);
  const sunday0 = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

/** Does a session starting at `start` (blocking until its end plus the buffer) collide with a busy span? */
export function overlapsBusy(start: Date, end: Date, bufferMinutes: number, busy: Busy[]) {
  const from = start.getTime();
  const until = end.getTime() + bufferMinutes * minute;
  return busy.some((b) => from < b.blockedUntil.getTime() && b.start.getTime() < until);
}

/**
 * Every free slot between now + minimum notice and now + max days ahead, in time
 * order. Slots start at each range's start and follow each other at session length
 * plus buffer; a slot must end within its range. Dates off remove that date's
 * weekly hours (extra ranges on that date still count).
 */
export function computeSlots(a: Availability, busy: Busy[], now: Date, limit = Infinity): Slot[] {
  const earliest = now.getTime() + a.minNoticeHours * 60 * minute;
  const latest = now.getTime() + a.maxDaysAhead * 24 * 60 * minute;
  const step = (a.sessionMinutes + a.bufferMinutes) * minute;
  const off = new Set(a.datesOff);
  const slots: Slot[] = [];
  const seen = new Set<number>();
  const today = localDay(now, a.timeZone);
  for (let i = 0; i <= a.maxDaysAhead + 1 && slots.length < limit; i++) {
    const day = addDays(today, i);
    const ranges: Range[] = [
      ...(off.has(day) ? [] : a.weekly.filter((w) => w.weekday === weekdayOf(day))),
      ...a.extraDates.filter((e) => e.day === day),
    ].sort((x, y) => x.start - y.start);
    const daySlots: Slot[] = [];
    for (const range of ranges) {
      const rangeStart = zonedToUtc(day, range.start, a.timeZone).getTime();
      const rangeEnd = zonedToUtc(day, range.end, a.timeZone).getTime();
      for (let t = rangeStart; t + a.sessionMinutes * minute <= rangeEnd; t += step) {
        if (t < earliest || t > latest || seen.has(t)) continue;
        const start = new Date(t);
        const end = new Date(t + a.sessionMinutes * minute);
        if (overlapsBusy(start, end, a.bufferMinutes, busy)) continue;
        // Two slots of overlapping ranges would also be refused by the database.
        if (
          daySlots.some((s) =>
            overlapsBusy(start, end, a.bufferMinutes, [
              { start: s.start, blockedUntil: new Date(s.end.getTime() + a.bufferMinutes * minute) },
            ]),
          )
        )
          continue;
        seen.add(t);
        daySlots.push({ start, end });
      }
    }
    daySlots.sort((x, y) => x.start.getTime() - y.start.getTime());
    slots.push(...daySlots);
  }
  return slots.slice(0, limit);
}

/** "09:00-12:00, 14:00-17:30" → ranges in minutes; null when anything is malformed. */
export function parseRanges(text: string): Range[] | null {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const ranges: Range[] = [];
  for (const piece of trimmed.split(/[,;]+/)) {
    const m = /^\s*(\d{1,2})[:h.](\d{2})\s*[-–]\s*(\d{1,2})[:h.](\d{2})\s*$/.exec(piece);
    if (!m) return null;
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (Number(m[2]) > 59 || Number(m[4]) > 59 || start >= 1440 || end > 1440 || end <= start) return null;
    ranges.push({ start, end });
  }
  ranges.sort((x, y) => x.start - y.start);
  for (let i = 1; i < ranges.length; i++) if (ranges[i].start < ranges[i - 1].end) return null;
  return ranges;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function formatRanges(ranges: Range[]) {
  return ranges.map((r) => `${hhmm(r.start)}-${hhmm(r.end)}`).join(', ');
}
