import { z } from 'zod';
import { fields } from '~/lib/forms.server';
import { isUuid } from '~/lib/ids';

// The payments pages' form schemas (kept out of route modules: zod never reaches the browser).

export const payoutSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('save'),
    bankBin: z.string({ error: 'payments.payout.bankUnknown' }).regex(/^\d{6}$/, 'payments.payout.bankUnknown'),
    accountNumber: z
      .string({ error: 'validation.required' })
      .transform((v) => v.replace(/[\s.-]/g, ''))
      .pipe(z.string().regex(/^\d{4,19}$/, 'payments.payout.accountNumberInvalid')),
    accountName: fields.text(70, 2),
  }),
  z.object({ intent: z.literal('key') }),
]);

export const payoutDecisionSchema = z.object({
  sellerId: z.string().refine(isUuid, 'validation.invalid'),
  decision: z.enum(['approved', 'rejected'], { error: 'validation.invalid' }),
});
