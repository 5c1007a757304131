import { formatDateTime, useI18n, type MessageKey } from '~/lib/i18n';
import { timeZoneLabel } from '~/components/time-zone';

/** Free slots as radio buttons, grouped by day in the viewer's time zone (works without JavaScript). */
// No time is chosen for her: pressing "book" without choosing one is refused with `error`.
export function SlotPicker({
  slots,
  name = 'startsAt',
  legend,
  error,
}: {
  slots: { start: string; end: string }[];
  name?: string;
  legend: string;
  error?: MessageKey;
}) {
  const { t, locale, timeZone } = useI18n();
  const days = new Map<string, { start: string; end: string }[]>();
  for (const s of slots) {
    const day = formatDateTime(s.start, locale, timeZone, { weekday: 'long', day: 'numeric', month: 'long' });
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return (
    <fieldset className="slots" id={`field-${name}`} aria-describedby={error ? `field-${name}-error` : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p id={`field-${name}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
      {[...days.entries()].map(([day, daySlots]) => (
        <div key={day} className="slot-day">
          <p className="slot-day-name">{day}</p>
          {daySlots.map((s) => (
            <label key={s.start} className="slot">
              <input type="radio" name={name} value={s.start} required />{' '}
              {formatDateTime(s.start, locale, timeZone, { timeStyle: 'short' })}–
              {formatDateTime(s.end, locale, timeZone, { timeStyle: 'short' })}
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}

/** "Thứ Hai, 1 tháng 12, 09:00 – 09:45 (Giờ Việt Nam)". */
export function SessionTime({ start, end }: { start: string | Date; end: string | Date }) {
  const { t, locale, timeZone } = useI18n();
  return (
    <>
      {formatDateTime(start, locale, timeZone, { dateStyle: 'full', timeStyle: 'short' })}–
      {formatDateTime(end, locale, timeZone, { timeStyle: 'short' })}{' '}
      <span className="muted">({timeZoneLabel(t, timeZone)})</span>
    </>
  );
}
