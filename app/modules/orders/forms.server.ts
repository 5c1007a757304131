import { z } from 'zod';
import { fields } from '~/lib/forms.server';
import { isProvinceCode } from '~/lib/provinces';
import { isUuid } from '~/lib/ids';

// The orders pages' form schemas, kept out of the route modules so that zod
// never reaches the browser bundle.

export const cartSchema = z.object({
  intent: z.enum(['add', 'update', 'remove'], { error: 'validation.invalid' }),
  listingId: z.string().refine(isUuid, 'validation.invalid'),
  // The variant chosen on the listing page (issue 20); absent: the listing's only one.
  variant: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isUuid(v), 'depth.variants.required'),
  quantity: z.coerce
    .number({ error: 'validation.invalid' })
    .int('validation.invalid')
    .min(0, 'validation.invalid')
    .max(99, 'validation.invalid')
    .default(1),
});

export const checkoutSchema = z.object({
  name: fields.text(120),
  phone: fields.phone(),
  address: fields.text(300),
  province: z.string({ error: 'validation.required' }).refine(isProvinceCode, 'validation.required'),
  payment: z.enum(['cod', 'card', 'vietqr'], { error: 'validation.required' }),
});

export const buyerActionSchema = z.object({
  intent: z.enum(['deliver', 'cancel', 'accept', 'ship', 'refund'], { error: 'validation.invalid' }),
});

export const reviewSchema = z.object({
  intent: z.literal('review'),
  rating: z.coerce
    .number({ error: 'validation.required' })
    .int('validation.invalid')
    .min(1, 'validation.invalid')
    .max(5, 'validation.invalid'),
  comment: fields.optionalText(2000),
});

export const sellerActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept') }),
  // A VietQR transfer she saw arrive in her account.
  z.object({ intent: z.literal('pay') }),
  z.object({ intent: z.literal('ship'), carrier: fields.text(80), trackingCode: fields.text(80) }),
  z.object({ intent: z.literal('cancel'), reason: fields.text(500) }),
  z.object({ intent: z.literal('refund') }),
  z.object({ intent: z.literal('deliver') }),
  z.object({ intent: z.literal('collect') }),
  z.object({ intent: z.literal('reply'), reply: fields.text(2000) }),
]);
