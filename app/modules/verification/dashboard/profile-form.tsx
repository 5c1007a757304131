import { Form } from '@remix-run/react';
import { Field, FormError, SelectField, type FormReplyData } from '~/components/form';
import { categories } from '~/lib/categories';
import { useI18n } from '~/lib/i18n';
import { provinces } from '~/lib/provinces';
import { CheckboxGroup, TextAreaField } from '../fields';

export type OwnProfile = {
  business_name: string;
  owner_name: string;
  province: string;
  story: string;
  categories: string[];
  slug: string;
  contact_phone: string | null;
  contact_email: string | null;
};

/** Her business profile: what the storefront shows and staff check. */
export function ProfileForm({ profile, reply }: { profile: OwnProfile | null; reply: FormReplyData }) {
  const { t, locale } = useI18n();
  return (
    <>
      <h2>{t('verification.dashboard.profile')}</h2>
      <Form method="post" className="stack" noValidate>
        <FormError
          reply={reply}
          labels={{
            businessName: t('verification.field.businessName'),
            ownerName: t('verification.field.ownerName'),
            province: t('verification.field.province'),
            story: t('verification.field.story'),
            slug: t('verification.field.slug'),
            contactPhone: t('verification.field.contactPhone'),
            contactEmail: t('verification.field.contactEmail'),
          }}
        />
        <input type="hidden" name="intent" value="profile" />
        <Field
          name="businessName"
          label={t('verification.field.businessName')}
          reply={reply}
          defaultValue={profile?.business_name}
          required
          maxLength={120}
        />
        <Field
          name="ownerName"
          label={t('verification.field.ownerName')}
          reply={reply}
          defaultValue={profile?.owner_name}
          required
          maxLength={80}
        />
        <SelectField
          name="province"
          label={t('verification.field.province')}
          reply={reply}
          defaultValue={profile?.province}
          options={provinces.map((p) => ({ value: p.code, label: p[locale] }))}
        />
        <TextAreaField
          name="story"
          label={t('verification.field.story')}
          reply={reply}
          defaultValue={profile?.story}
          maxLength={4000}
        />
        <CheckboxGroup
          name="categories"
          legend={t('verification.field.categories')}
          reply={reply}
          checked={profile?.categories ?? []}
          options={categories.map((c) => ({ value: c.code, label: c[locale] }))}
        />
        <Field
          name="slug"
          label={t('verification.field.slug')}
          hint={t('verification.field.slugHint')}
          reply={reply}
          defaultValue={profile?.slug}
          maxLength={80}
        />
        <Field
          name="contactPhone"
          type="tel"
          label={t('verification.field.contactPhone')}
          hint={t('verification.field.contactHint')}
          reply={reply}
          defaultValue={profile?.contact_phone ?? undefined}
          autoComplete="tel"
          maxLength={20}
        />
        <Field
          name="contactEmail"
          type="email"
          label={t('verification.field.contactEmail')}
          reply={reply}
          defaultValue={profile?.contact_email ?? undefined}
          autoComplete="email"
          maxLength={254}
        />
        <button type="submit">{t('verification.dashboard.saveProfile')}</button>
      </Form>
    </>
  );
}
