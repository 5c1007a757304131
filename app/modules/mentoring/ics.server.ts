import type { SessionView } from './session.server';

// The .ics calendar file of a session (RFC 5545: escaped text, folded lines).

const icsTime = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/([,;])/g, '\\$1');

/** RFC 5545 folding: lines longer than 75 octets continue on the next line after a space. */
function fold(line: string) {
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An iCalendar file for one session; times in UTC, so every calendar shows them in its own zone. */
export function sessionIcs(
  s: Pick<SessionView, 'id' | 'updated_at' | 'starts_at' | 'ends_at' | 'meeting_place' | 'status'>,
  summary: string,
  host: string,
) {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sen//Mentoring//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${s.id}@${host}`,
    `DTSTAMP:${icsTime(s.updated_at)}`,
    `DTSTART:${icsTime(s.starts_at)}`,
    `DTEND:${icsTime(s.ends_at)}`,
    `SUMMARY:${icsText(summary)}`,
    s.meeting_place ? `LOCATION:${icsText(s.meeting_place)}` : '',
    `STATUS:${s.status === 'confirmed' ? 'CONFIRMED' : s.status === 'pending' || s.status === 'awaiting_payment' ? 'TENTATIVE' : 'CANCELLED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].filter(Boolean);
  return lines.map(fold).join('\r\n') + '\r\n';
}
