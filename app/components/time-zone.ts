import type { MessageKey, Translate } from '~/lib/i18n';
import { commonTimeZones } from '~/lib/time-zones';

const named = new Set<string>(commonTimeZones);

/**
 * A time zone as a place she knows ("Giờ Việt Nam", "Giờ Hàn Quốc (Seoul)"),
 * never the raw IANA name ("Asia/Ho_Chi_Minh"). A zone outside the usual list
 * is named after its city.
 */
export function timeZoneLabel(t: Translate, zone: string) {
  if (named.has(zone)) return t(`ux.zone.${zone}` as MessageKey);
  const city = zone.split('/').pop() ?? zone;
  return t('ux.zone.other', { place: city.replace(/_/g, ' ') });
}
