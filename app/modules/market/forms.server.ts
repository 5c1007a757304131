import { z } from 'zod';
import { isCategoryCode } from '~/lib/categories';
import { type FieldErrors, fields } from '~/lib/forms.server';
import { isProvinceCode } from '~/lib/provinces';
import { isUuid } from '~/lib/ids';
import { maxQuickStock, parseVariantLines } from './variants.server';

// The listing forms' rules; every message is a locale key.

/** Đồng as people type them: "250000", "250.000", "250 000 ₫". */
export const dong = (options: { min: number; max: number }) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .transform((v) => v.replace(/[.,\s₫đ]/gi, ''))
    .pipe(z.string().regex(/^\d{1,13}$/, 'market.field.moneyInvalid'))
    .transform(Number)
    .pipe(z.number().min(options.min, 'market.field.priceTooLow').max(options.max, 'market.field.priceTooHigh'));

export const count = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^\d{1,7}$/, 'market.field.stockInvalid')
    .transform(Number);

/** The seller's optional cap on units per order: empty means none. */
const perOrderMaximum = z
  .string()
  .trim()
  .optional()
  .transform((v) => v ?? '')
  .pipe(z.string().regex(/^(?:[1-9]\d{0,4}|100000)?$/, 'market.field.maxPerOrderInvalid'))
  .transform((v) => (v === '' ? null : Number(v)));

const provinceList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().refine(isProvinceCode, 'validation.invalid')).max(34));

export const listingSchema = z.object({
  title: fields.text(120),
  description: z
    .string()
    .max(5000, 'validation.tooLong')
    .optional()
    .transform((v) => (v ?? '').replace(/\r\n/g, '\n').trim()),
  price: dong({ min: 1, max: 1_000_000_000_000 }),
  stock: count(),
  category: z.string({ error: 'validation.required' }).refine(isCategoryCode, 'market.field.categoryInvalid'),
  shippingFee: dong({ min: 0, max: 100_000_000 }),
  shippingProvinces: provinceList,
  maxPerOrder: perOrderMaximum,
  // Lines of `name | price | stock | SKU`; empty: no options (issue 20).
  variants: z
    .string()
    .max(6000, 'validation.tooLong')
    .optional()
    .transform((v, ctx) => {
      const parsed = parseVariantLines(v ?? '');
      if (parsed.ok) return parsed.rows;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
});

export const quickEditSchema = z.object({
  intent: z.literal('quick'),
  id: z.string().refine(isUuid, 'validation.invalid'),
  price: dong({ min: 1, max: 1_000_000_000_000 }),
  stock: count(),
});

/** The quick edit of a listing with named variants: its price here, a stock field per variant below. */
export const quickPriceSchema = quickEditSchema.omit({ stock: true });

/**
 * The quick edit's stock per variant, each field checked on its own (0 to 100 000).
 * Null when the form has no such field (a listing without named variants).
 */
export function parseVariantStocks(form: FormData) {
  const variants: { id: string; stock: number }[] = [];
  const errors: FieldErrors = {};
  let seen = false;
  for (const [name, value] of form.entries()) {
    if (!name.startsWith('stock.')) continue;
    seen = true;
    const id = name.slice('stock.'.length);
    const text = typeof value === 'string' ? value.trim() : '';
    // An id that is no variant at all: the form was not ours, or is from before a change.
    if (!isUuid(id)) errors.form = 'quickstock.changed';
    else if (!/^\d{1,6}$/.test(text) || Number(text) > maxQuickStock) errors[name] = 'quickstock.stockInvalid';
    else variants.push({ id, stock: Number(text) });
  }
  return seen ? { variants, errors } : null;
}

export const stateSchema = z.object({
  intent: z.literal('state'),
  to: z.enum(['draft', 'published', 'archived'], { error: 'validation.invalid' }),
});

/** The dashboard list's state buttons name their listing. */
export const listStateSchema = z.object({
  intent: z.literal('state'),
  id: z.string().refine(isUuid, 'validation.invalid'),
  to: z.enum(['draft', 'published', 'archived'], { error: 'validation.invalid' }),
});
