import { useI18n, type MessageKey } from '~/lib/i18n';
import type { FormReplyData } from '~/components/form';

/** A labelled textarea that shows its server-side error and keeps what was typed. */
export function TextAreaField(props: { name: string; label: string; reply?: FormReplyData; defaultValue?: string; maxLength?: number; hint?: string; required?: boolean }) {
  const { t } = useI18n();
  const error = props.reply?.errors?.[props.name];
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <span id={`${id}-hint`} className="hint">
          {props.hint}
        </span>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={4}
        defaultValue={props.reply?.values?.[props.name] ?? props.defaultValue}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {t(error)}
        </span>
      ) : null}
    </div>
  );
}

/** A group of checkboxes (categories, languages...). */
export function CheckboxGroup(props: { name: string; legend: string; options: { value: string; label: string }[]; checked: string[]; reply?: FormReplyData }) {
  const { t } = useI18n();
  const error = props.reply?.errors?.[props.name] as MessageKey | undefined;
  return (
    <fieldset className="checkboxes" aria-describedby={error ? `field-${props.name}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value}>
          <input type="checkbox" name={props.name} value={o.value} defaultChecked={props.checked.includes(o.value)} /> {o.label}
        </label>
      ))}
      {error ? (
        <span id={`field-${props.name}-error`} className="field-error">
          {t(error)}
        </span>
      ) : null}
    </fieldset>
  );
}

/** A file input with its error. */
export function FileField(props: { name: string; label: string; reply?: FormReplyData; multiple?: boolean; accept?: string; hint?: string }) {
  const { t } = useI18n();
  const error = props.reply?.errors?.[props.name];
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <span id={`${id}-hint`} className="hint">
          {props.hint}
        </span>
      ) : null}
      <input id={id} type="file" name={props.name} multiple={props.multiple} accept={props.accept ?? 'image/jpeg,image/png,image/webp,application/pdf'} aria-invalid={error ? true : undefined} aria-describedby={described} />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {t(error)}
        </span>
      ) : null}
    </div>
  );
}
