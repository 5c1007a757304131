import { useI18n } from '~/lib/i18n';

/** A labelled progress bar (a real <progress>, so screen readers announce it). */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const { t } = useI18n();
  const percent = total ? Math.round((100 * done) / total) : 0;
  return (
    <div className="learn-progress">
      <progress value={done} max={Math.max(total, 1)} aria-label={label} />
      <span className="muted">{t('learning.progress.steps', { done, total, percent })}</span>
    </div>
  );
}

type CardView = { kind: string; header: string; lines: { speaker: string | null; text: string }[] };

/** A spot-the-scam card: chat bubbles, a listing or a payment screen, as plain text. */
export function GameCard({ card }: { card: CardView }) {
  const { t } = useI18n();
  return (
    <figure className={`scam-card scam-card-${card.kind}`}>
      <figcaption>
        <span className="scam-card-kind">{t(`learning.game.kind.${card.kind}` as 'learning.game.kind.chat')}</span> {card.header}
      </figcaption>
      <ul>
        {card.lines.map((line, i) => (
          <li key={i}>
            {line.speaker ? <strong>{line.speaker}: </strong> : null}
            <span>{line.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

type ReplyLike = { errors?: Partial<Record<string, string>>; values?: Record<string, string> } | undefined;

/** A labelled textarea that shows its server error and keeps what was typed. */
export function TextArea({ name, label, reply, defaultValue, rows = 6, maxLength, hint }: { name: string; label: string; reply?: ReplyLike; defaultValue?: string; rows?: number; maxLength?: number; hint?: string }) {
  const { t } = useI18n();
  const error = reply?.errors?.[name];
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <span className="hint">{hint}</span> : null}
      <textarea id={id} name={name} rows={rows} maxLength={maxLength} defaultValue={reply?.values?.[name] ?? defaultValue} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {t(error as 'validation.invalid')}
        </span>
      ) : null}
    </div>
  );
}

/** A labelled checkbox ("on" when ticked). */
export function CheckBox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <label className="check">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} /> {label}
    </label>
  );
}

/**
 * A labelled input like the shared Field, with an id prefix, for pages that
 * carry several forms with the same field names (staff editors).
 */
export function InputField({ idPrefix, name, label, type = 'text', reply, defaultValue, required, maxLength, hint }: { idPrefix: string; name: string; label: string; type?: string; reply?: ReplyLike; defaultValue?: string; required?: boolean; maxLength?: number; hint?: string }) {
  const { t } = useI18n();
  const error = reply?.errors?.[name];
  const id = `${idPrefix}-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <input id={id} name={name} type={type} defaultValue={reply?.values?.[name] ?? defaultValue} required={required} maxLength={maxLength} aria-invalid={error ? true : undefined} aria-describedby={described} />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {t(error as 'validation.invalid')}
        </span>
      ) : null}
    </div>
  );
}

export function SelectInput({ idPrefix, name, label, reply, defaultValue, options }: { idPrefix: string; name: string; label: string; reply?: ReplyLike; defaultValue?: string; options: { value: string; label: string }[] }) {
  const id = `${idPrefix}-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={reply?.values?.[name] ?? defaultValue}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
