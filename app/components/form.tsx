import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '~/lib/i18n';

export type FormReplyData =
  { errors?: Partial<Record<string, MessageKey>>; values?: Record<string, string> } | undefined;

type ControlProps = { 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * The one shell of every form field: its label, an optional hint, the control,
 * and the server's error for it in the reader's language, wired for screen readers.
 */
export function FieldShell({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: MessageKey;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t } = useI18n();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {children({ 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {t(error)}
        </span>
      ) : null}
    </div>
  );
}

type CommonProps = {
  name: string;
  label: string;
  reply?: FormReplyData;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  /** For pages with several forms that share field names: ids become `<idPrefix>-<name>`. */
  idPrefix?: string;
};

type FieldProps = CommonProps & {
  type?: string;
  autoComplete?: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'email';
};

/** A labelled input that shows its server-side error and keeps what was typed (never a password). */
export function Field({
  name,
  label,
  type = 'text',
  reply,
  defaultValue,
  hint,
  autoComplete,
  required,
  maxLength,
  inputMode,
  idPrefix = 'field',
}: FieldProps) {
  const typed = type === 'password' ? undefined : reply?.values?.[name];
  return (
    <FieldShell id={`${idPrefix}-${name}`} label={label} hint={hint} error={reply?.errors?.[name]}>
      {(control) => (
        <input
          id={`${idPrefix}-${name}`}
          name={name}
          type={type}
          defaultValue={typed ?? defaultValue}
          autoComplete={autoComplete}
          required={required}
          maxLength={maxLength}
          inputMode={inputMode}
          {...control}
        />
      )}
    </FieldShell>
  );
}

/** A labelled textarea that shows its server-side error and keeps what was typed. */
export function TextAreaField({
  name,
  label,
  reply,
  defaultValue,
  hint,
  required,
  idPrefix = 'field',
  rows = 4,
  maxLength,
}: CommonProps & { rows?: number; maxLength?: number }) {
  return (
    <FieldShell id={`${idPrefix}-${name}`} label={label} hint={hint} error={reply?.errors?.[name]}>
      {(control) => (
        <textarea
          id={`${idPrefix}-${name}`}
          name={name}
          rows={rows}
          defaultValue={reply?.values?.[name] ?? defaultValue}
          maxLength={maxLength}
          required={required}
          {...control}
        />
      )}
    </FieldShell>
  );
}

type SelectProps = CommonProps & { options: { value: string; label: string }[] };

export function SelectField({
  name,
  label,
  reply,
  defaultValue,
  hint,
  options,
  required,
  idPrefix = 'field',
}: SelectProps) {
  return (
    <FieldShell id={`${idPrefix}-${name}`} label={label} hint={hint} error={reply?.errors?.[name]}>
      {(control) => (
        <select
          id={`${idPrefix}-${name}`}
          name={name}
          defaultValue={reply?.values?.[name] ?? defaultValue}
          required={required}
          {...control}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * The top of a form after a failed submit: the form's own error and a summary of
 * the fields to fix, each linked to its field when `labels` names it. It takes the
 * focus (so a screen reader announces it and she sees it on a small screen);
 * without JavaScript, role="alert" still announces it. Every form pairs it with
 * `noValidate`, so these, in her language, are the only checks she ever sees.
 */
export function FormError({
  reply,
  labels,
  idPrefix = 'field',
  omitFormError = false,
}: {
  reply?: FormReplyData;
  labels?: Record<string, string>;
  idPrefix?: string;
  /** When the page shows the form's own error elsewhere (with its own parameters). */
  omitFormError?: boolean;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const formError = omitFormError ? undefined : reply?.errors?.form;
  const fieldErrors = Object.entries(reply?.errors ?? {}).filter(
    (e): e is [string, MessageKey] => e[0] !== 'form' && Boolean(e[1]),
  );
  const shown = Boolean(formError || fieldErrors.length);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [reply, shown]);
  if (!shown) return null;
  if (!fieldErrors.length) {
    return (
      <div className="form-error" role="alert" tabIndex={-1} ref={ref}>
        {formError ? t(formError) : null}
      </div>
    );
  }
  const named = labels ? fieldErrors.filter(([name]) => labels[name]) : [];
  return (
    <div className="form-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      {formError ? <p>{t(formError)}</p> : null}
      <p>{t('form.summary.title')}</p>
      {named.length ? (
        <ul>
          {named.map(([name, error]) => (
            <li key={name}>
              <a href={`#${idPrefix}-${name}`}>
                {labels?.[name]} — {t(error)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
