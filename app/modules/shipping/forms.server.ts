import { z } from 'zod';
import { fields } from '~/lib/forms.server';
import { isProvinceCode } from '~/lib/provinces';
import { findWard } from './wards';

// The shipping pages' form schemas (kept out of route modules: zod stays off the browser bundle).

const province = z.string({ error: 'validation.required' }).refine(isProvinceCode, 'validation.required');

/** The ward's official name, or an error on the ward field when that province has no such ward. */
function wardOfProvince<T extends { province: string; ward?: string }>(value: T, ctx: z.RefinementCtx) {
  if (!value.ward) return { ...value, ward: undefined };
  const ward = findWard(value.province, value.ward);
  if (!ward) {
    ctx.addIssue({ code: 'custom', path: ['ward'], message: 'shipping.ward.notInProvince' });
    return z.NEVER;
  }
  return { ...value, ward };
}

export const pickupSchema = z
  .object({
    name: fields.text(120),
    phone: fields.phone(),
    address: fields.text(300),
    province,
    ward: fields.text(120),
  })
  .transform(wardOfProvince)
  .transform((v) => ({ ...v, ward: v.ward ?? '' }));

/** Checkout's ward: optional (the flat fee then applies), but never one of another province. */
export const checkoutWardSchema = z.object({ province, ward: fields.optionalText(120) }).transform(wardOfProvince);

export const carrierShipSchema = z.object({
  intent: z.literal('carrierShip'),
  weight: z.coerce
    .number({ error: 'validation.invalid' })
    .int('validation.invalid')
    .min(1, 'validation.invalid')
    .max(1_000_000, 'validation.invalid'),
});
