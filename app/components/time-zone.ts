import type { Translate } from '~/lib/i18n';
import { isCommonTimeZone } from '~/lib/time-zones';

/**
 * A time zone as a place she knows ("Giờ Việt Nam", "Giờ Hàn Quốc (Seoul)"),
 * never the raw IANA name ("Asia/Ho_Chi_Minh"). A zone outside the usual list
 * is named after its city.
 */
export function timeZoneLabel(t: Translate, zone: string) {
  if (isCommonTimeZone(zone)) return t(`ux.zone.${zone}`);
  const city = zone.split('/').pop() ?? zone;
  return t('ux.zone.other', { place: city.replace(/_/g, ' ') });
}
