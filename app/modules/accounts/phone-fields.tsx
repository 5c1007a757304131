import { Field, SelectField, type FormReplyData } from '~/components/form';
import { useI18n } from '~/lib/i18n';

// The phone-number field and the "send the code by SMS or Zalo" choice, as
// every form that sends a code shows them (sign-up, forgotten password, a new
// number on /account).

export function PhoneField({
  reply,
  name = 'phone',
  label,
  defaultValue,
}: {
  reply?: FormReplyData;
  name?: string;
  label?: string;
  defaultValue?: string;
}) {
  const { t } = useI18n();
  return (
    <Field
      name={name}
      type="tel"
      inputMode="tel"
      label={label ?? t('phone.field.phone')}
      hint={t('phone.field.phoneHint')}
      reply={reply}
      defaultValue={defaultValue}
      autoComplete="tel"
      required
      maxLength={40}
    />
  );
}

export function ChannelField({ reply }: { reply?: FormReplyData }) {
  const { t } = useI18n();
  return (
    <SelectField
      name="channel"
      label={t('phone.field.channel')}
      reply={reply}
      defaultValue="sms"
      options={[
        { value: 'sms', label: t('phone.channel.sms') },
        { value: 'zalo', label: t('phone.channel.zalo') },
      ]}
    />
  );
}

/** The six digits she received (the phone's keyboard offers them from the message). */
export function CodeField({ reply }: { reply?: FormReplyData }) {
  const { t } = useI18n();
  return (
    <Field
      name="code"
      inputMode="numeric"
      label={t('phone.code.field')}
      reply={reply}
      autoComplete="one-time-code"
      required
      maxLength={12}
    />
  );
}
