import { formatDateTime, useI18n } from '~/lib/i18n';

/** Free slots as radio buttons, grouped by day in the viewer's time zone (works without JavaScript). */
export function SlotPicker({ slots, name = 'startsAt', legend }: { slots: { start: string; end: string }[]; name?: string; legend: string }) {
  const { locale, timeZone } = useI18n();
  const days = new Map<string, { start: string; end: string }[]>();
  for (const s of slots) {
    const day = formatDateTime(s.start, locale, timeZone, { weekday: 'long', day: 'numeric', month: 'long' });
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return (
    <fieldset className="slots">
      <legend>{legend}</legend>
      {[...days.entries()].map(([day, daySlots]) => (
        <div key={day} className="slot-day">
          <p className="slot-day-name">{day}</p>
          {daySlots.map((s) => (
            <label key={s.start} className="slot">
              <input type="radio" name={name} value={s.start} required />{' '}
              {formatDateTime(s.start, locale, timeZone, { timeStyle: 'short' })}–{formatDateTime(s.end, locale, timeZone, { timeStyle: 'short' })}
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}

/** "Thứ Hai, 1 tháng 12, 09:00 – 09:45 (giờ Asia/Ho_Chi_Minh)". */
export function SessionTime({ start, end }: { start: string | Date; end: string | Date }) {
  const { locale, timeZone } = useI18n();
  return (
    <>
      {formatDateTime(start, locale, timeZone, { dateStyle: 'full', timeStyle: 'short' })}–{formatDateTime(end, locale, timeZone, { timeStyle: 'short' })}{' '}
      <span className="muted">({timeZone.replace(/_/g, ' ')})</span>
    </>
  );
}
