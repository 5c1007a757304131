import { describe, expect, it } from 'vitest';
import { type Availability, computeSlots, formatRanges, parseRanges, zonedToUtc } from '../app/modules/mentoring/slots';

const base: Availability = {
  timeZone: 'Asia/Ho_Chi_Minh',
  weekly: [],
  datesOff: [],
  extraDates: [],
  sessionMinutes: 60,
  bufferMinutes: 0,
  minNoticeHours: 0,
  maxDaysAhead: 14,
};
const iso = (slots: { start: Date }[]) => slots.map((s) => s.start.toISOString());
const inZone = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

describe('slot computation', () => {
  // Monday 1 December 2026, 00:00 in Hanoi = 30 Nov 17:00 UTC.
  const mondayMidnightHanoi = new Date('2026-11-30T17:00:00Z');

  it('turns weekly hours in the mentor zone into UTC slots, several ranges a day', () => {
    const a = {
      ...base,
      weekly: [
        { weekday: 2, start: 9 * 60, end: 12 * 60 },
        { weekday: 2, start: 14 * 60, end: 16 * 60 },
      ],
      maxDaysAhead: 6,
    };
    // Tuesday 1 Dec 2026 in Hanoi (UTC+7): 09, 10, 11 and 14, 15 local.
    expect(iso(computeSlots(a, [], mondayMidnightHanoi))).toEqual([
      '2026-12-01T02:00:00.000Z',
      '2026-12-01T03:00:00.000Z',
      '2026-12-01T04:00:00.000Z',
      '2026-12-01T07:00:00.000Z',
      '2026-12-01T08:00:00.000Z',
    ]);
  });

  it('keeps the buffer between slots and around existing bookings', () => {
    const a = {
      ...base,
      weekly: [{ weekday: 2, start: 9 * 60, end: 13 * 60 }],
      bufferMinutes: 15,
      sessionMinutes: 45,
      maxDaysAhead: 6,
    };
    // 09:00, 10:00, 11:00, 12:00 local (45 min + 15 min buffer).
    expect(iso(computeSlots(a, [], mondayMidnightHanoi)).map((s) => s.slice(11, 16))).toEqual([
      '02:00',
      '03:00',
      '04:00',
      '05:00',
    ]);
    // A booking 10:00-10:45 blocking until 11:00 (its buffer) takes exactly 10:00;
    // one at 09:30-10:15 (blocked to 10:30) takes 09:00 (whose buffer would reach into it) and 10:00.
    const at = (h: number, m: number, len: number, buffer: number) => {
      const start = new Date(Date.UTC(2026, 11, 1, h - 7, m));
      return { start, blockedUntil: new Date(start.getTime() + (len + buffer) * 60_000) };
    };
    expect(iso(computeSlots(a, [at(10, 0, 45, 15)], mondayMidnightHanoi)).map((s) => s.slice(11, 16))).toEqual([
      '02:00',
      '04:00',
      '05:00',
    ]);
    expect(iso(computeSlots(a, [at(9, 30, 45, 0)], mondayMidnightHanoi)).map((s) => s.slice(11, 16))).toEqual([
      '04:00',
      '05:00',
    ]);
  });

  it('respects the minimum notice and the maximum days ahead', () => {
    const a = {
      ...base,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: 9 * 60, end: 10 * 60 })),
      maxDaysAhead: 3,
    };
    // At 08:30 on Tuesday in Hanoi, with 2 h notice: Tuesday 09:00 is too soon;
    // 3 days ahead ends Friday 08:30, so Friday 09:00 is too far.
    const now = new Date('2026-12-01T01:30:00Z');
    const slots = computeSlots({ ...a, minNoticeHours: 2 }, [], now);
    expect(iso(slots)).toEqual(['2026-12-02T02:00:00.000Z', '2026-12-03T02:00:00.000Z']);
    expect(iso(computeSlots({ ...a, minNoticeHours: 0 }, [], now))[0]).toBe('2026-12-01T02:00:00.000Z');
  });

  it('drops dates off and adds extra dates (also on a date off)', () => {
    const a = {
      ...base,
      weekly: [
        { weekday: 2, start: 9 * 60, end: 10 * 60 },
        { weekday: 3, start: 9 * 60, end: 10 * 60 },
      ],
      datesOff: ['2026-12-01'],
      extraDates: [
        { day: '2026-12-05', start: 15 * 60, end: 16 * 60 },
        { day: '2026-12-01', start: 18 * 60, end: 19 * 60 },
      ],
      maxDaysAhead: 6,
    };
    expect(iso(computeSlots(a, [], mondayMidnightHanoi))).toEqual([
      '2026-12-01T11:00:00.000Z',
      '2026-12-02T02:00:00.000Z',
      '2026-12-05T08:00:00.000Z',
    ]);
  });

  it('follows a Berlin mentor across the daylight-saving change, shown to a mentee in Ho Chi Minh City', () => {
    // Berlin leaves summer time on Sunday 25 October 2026 (03:00 CEST → 02:00 CET).
    const a = {
      ...base,
      timeZone: 'Europe/Berlin',
      weekly: [
        { weekday: 6, start: 10 * 60, end: 11 * 60 },
        { weekday: 1, start: 10 * 60, end: 11 * 60 },
      ],
      maxDaysAhead: 10,
    };
    const now = new Date('2026-10-22T00:00:00Z');
    const slots = computeSlots(a, [], now);
    // 10:00 in Berlin is 08:00 UTC in summer, 09:00 UTC in winter…
    expect(iso(slots)).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-26T09:00:00.000Z', '2026-10-31T09:00:00.000Z']);
    // …so the mentee in Vietnam (no daylight saving) sees 15:00 before and 16:00 after.
    expect(slots.map((s) => inZone(s.start, 'Asia/Ho_Chi_Minh'))).toEqual(['Sat 15:00', 'Mon 16:00', 'Sat 16:00']);
    expect(slots.map((s) => inZone(s.start, 'Europe/Berlin'))).toEqual(['Sat 10:00', 'Mon 10:00', 'Sat 10:00']);
  });

  it('handles the night hours of the change days themselves', () => {
    // Spring forward, 29 March 2026: 02:00-03:00 does not exist in Berlin; a range 01:00-04:00 holds two hours.
    const spring = {
      ...base,
      timeZone: 'Europe/Berlin',
      weekly: [{ weekday: 7, start: 60, end: 240 }],
      maxDaysAhead: 3,
    };
    expect(iso(computeSlots(spring, [], new Date('2026-03-27T12:00:00Z')))).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
    ]);
    // Fall back, 25 October 2026: 01:00-04:00 holds four hours.
    const fall = { ...spring, weekly: [{ weekday: 7, start: 60, end: 240 }] };
    expect(computeSlots(fall, [], new Date('2026-10-23T12:00:00Z'))).toHaveLength(4);
    expect(zonedToUtc('2026-03-29', 150, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads and writes ranges the way the editor shows them', () => {
    expect(parseRanges('09:00-12:00, 14:00-17:30')).toEqual([
      { start: 540, end: 720 },
      { start: 840, end: 1050 },
    ]);
    expect(parseRanges('')).toEqual([]);
    expect(parseRanges('12:00-09:00')).toBeNull();
    expect(parseRanges('09:00-12:00, 11:00-13:00')).toBeNull();
    expect(parseRanges('9h')).toBeNull();
    expect(formatRanges([{ start: 540, end: 1440 }])).toBe('09:00-24:00');
  });
});
