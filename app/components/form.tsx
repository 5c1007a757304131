import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '~/lib/i18n';

export type FormReplyData = { errors?: Partial<Record<string, MessageKey>>; values?: Record<string, string> } | undefined;

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  reply?: FormReplyData;
  defaultValue?: string;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  children?: ReactNode;
};

/** A labelled input that shows its server-side error and keeps what was typed. */
export function Field({ name, label, type = 'text', reply, defaultValue, hint, autoComplete, required, maxLength }: FieldProps) {
  const { t } = useI18n();
  const error = reply?.errors?.[name];
  const id = `field-${name}`;
  const typed = type === 'password' ? undefined : reply?.values?.[name];
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={typed ?? defaultValue}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
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

type SelectProps = Omit<FieldProps, 'type' | 'autoComplete' | 'maxLength'> & {
  options: { value: string; label: string }[];
};

export function SelectField({ name, label, reply, defaultValue, hint, options, required }: SelectProps) {
  const { t } = useI18n();
  const error = reply?.errors?.[name];
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <span className="hint">{hint}</span> : null}
      <select
        id={id}
        name={name}
        defaultValue={reply?.values?.[name] ?? defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {t(error)}
        </span>
      ) : null}
    </div>
  );
}

/** The error that belongs to the whole form, not one field. */
export function FormError({ reply }: { reply?: FormReplyData }) {
  const { t } = useI18n();
  const error = reply?.errors?.form;
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {t(error)}
    </p>
  );
}
