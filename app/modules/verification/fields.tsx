import { useI18n } from '~/lib/i18n';
import { FieldShell, type FormReplyData } from '~/components/form';

export { TextAreaField } from '~/components/form';

/** A group of checkboxes (categories, languages...). */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  reply?: FormReplyData;
}) {
  const { t } = useI18n();
  const error = props.reply?.errors?.[props.name];
  return (
    <fieldset className="checkboxes" aria-describedby={error ? `field-${props.name}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value}>
          <input type="checkbox" name={props.name} value={o.value} defaultChecked={props.checked.includes(o.value)} />{' '}
          {o.label}
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
export function FileField(props: {
  name: string;
  label: string;
  reply?: FormReplyData;
  multiple?: boolean;
  accept?: string;
  hint?: string;
}) {
  const id = `field-${props.name}`;
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.reply?.errors?.[props.name]}>
      {(control) => (
        <input
          id={id}
          type="file"
          name={props.name}
          multiple={props.multiple}
          accept={props.accept ?? 'image/jpeg,image/png,image/webp,application/pdf'}
          {...control}
        />
      )}
    </FieldShell>
  );
}
