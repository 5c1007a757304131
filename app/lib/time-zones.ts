// Time zones offered in settings: Vietnam first, then where Vietnamese women
// most often live and work abroad. Any valid IANA zone is accepted by the server.
export const commonTimeZones = [
  'Asia/Ho_Chi_Minh',
  'Asia/Bangkok',
  'Asia/Vientiane',
  'Asia/Phnom_Penh',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Taipei',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Australia/Sydney',
  'Australia/Melbourne',
  'Europe/Berlin',
  'Europe/Prague',
  'Europe/Warsaw',
  'Europe/Paris',
  'Europe/London',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Toronto',
  'UTC',
] as const;
export type CommonTimeZone = (typeof commonTimeZones)[number];
const common = new Set<string>(commonTimeZones);
export const isCommonTimeZone = (zone: string): zone is CommonTimeZone => common.has(zone);

export function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
