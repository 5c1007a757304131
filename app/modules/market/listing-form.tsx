import { Form } from '@remix-run/react';
import { Field, FormError, SelectField, TextAreaField, type FormReplyData } from '~/components/form';
import { categories } from '~/lib/categories';
import { useI18n } from '~/lib/i18n';
import { provinces } from '~/lib/provinces';

export type ListingValues = {
  title: string;
  description: string;
  price: number;
  stock: number;
  category: string;
  shippingFee: number;
  shippingProvinces: string[];
  maxPerOrder: number | null;
  /** The variant lines as the seller writes them ('' without options). */
  variants: string;
};

/** The listing's fields, for the "new" and "edit" pages; a plain POST form. */
export function ListingForm({
  values,
  reply,
  submitLabel,
}: {
  values?: ListingValues;
  reply?: FormReplyData;
  submitLabel: string;
}) {
  const { t, locale } = useI18n();
  const typed = reply?.values;
  const descriptionError = reply?.errors?.description;
  const chosen = new Set(values?.shippingProvinces ?? []);
  return (
    <Form method="post" className="stack" noValidate>
      <FormError
        reply={reply}
        labels={{
          title: t('market.field.title'),
          description: t('market.field.description'),
          price: t('market.field.price'),
          stock: t('market.field.stock'),
          category: t('market.field.category'),
          shippingFee: t('market.field.shippingFee'),
          variants: t('depth.variants.label'),
        }}
      />
      <input type="hidden" name="intent" value="save" />
      <Field
        name="title"
        label={t('market.field.title')}
        reply={reply}
        defaultValue={values?.title}
        required
        maxLength={120}
      />
      <div className="field">
        <label htmlFor="field-description">{t('market.field.description')}</label>
        <span id="field-description-hint" className="hint">
          {t('market.field.descriptionHint')}
        </span>
        <textarea
          id="field-description"
          name="description"
          rows={8}
          maxLength={5000}
          defaultValue={typed?.description ?? values?.description}
          aria-describedby={
            descriptionError ? 'field-description-hint field-description-error' : 'field-description-hint'
          }
          aria-invalid={descriptionError ? true : undefined}
        />
        {descriptionError ? (
          <span id="field-description-error" className="field-error">
            {t(descriptionError)}
          </span>
        ) : null}
      </div>
      <Field
        name="price"
        label={t('market.field.price')}
        hint={t('market.field.priceHint')}
        reply={reply}
        defaultValue={values ? String(values.price) : ''}
        required
        maxLength={20}
      />
      <Field
        name="stock"
        label={t('market.field.stock')}
        reply={reply}
        defaultValue={values ? String(values.stock) : '1'}
        required
        maxLength={7}
      />
      <TextAreaField
        name="variants"
        label={t('depth.variants.label')}
        hint={`${t('depth.variants.hint')} ${t('depth.variants.example')}`}
        reply={reply}
        defaultValue={values?.variants}
        rows={5}
        maxLength={6000}
      />
      <Field
        name="maxPerOrder"
        label={t('market.field.maxPerOrder')}
        hint={t('market.field.maxPerOrderHint')}
        reply={reply}
        defaultValue={values?.maxPerOrder ? String(values.maxPerOrder) : ''}
        inputMode="numeric"
        maxLength={6}
      />
      <SelectField
        name="category"
        label={t('market.field.category')}
        reply={reply}
        defaultValue={values?.category}
        options={categories.map((c) => ({ value: c.code, label: c[locale] }))}
      />
      <Field
        name="shippingFee"
        label={t('market.field.shippingFee')}
        reply={reply}
        defaultValue={values ? String(values.shippingFee) : '0'}
        required
        maxLength={20}
      />
      <fieldset className="province-picks">
        <legend>{t('market.field.shippingProvinces')}</legend>
        <p className="hint">{t('market.field.shippingProvincesHint')}</p>
        {provinces.map((p) => (
          <label key={p.code} className="checkbox">
            <input type="checkbox" name="shippingProvinces" value={p.code} defaultChecked={chosen.has(p.code)} />{' '}
            {p[locale]}
          </label>
        ))}
      </fieldset>
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
