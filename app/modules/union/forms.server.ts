import { z } from 'zod';
import { fields } from '~/lib/forms.server';
import { isProvinceCode } from '~/lib/provinces';
import { codeChannel } from '~/modules/accounts/forms.server';
import { isPlainName } from '~/modules/moderation/screening.server';

// Issue 19, "Đăng ký giúp": the officer's first step (with a code or spoken consent).
export const assistSchema = z.object({
  intent: z.literal('start'),
  displayName: fields.text(80).refine(isPlainName, 'validation.nameContact'),
  phone: fields.phone(),
  channel: codeChannel.optional(),
  password: fields.password(),
  province: z.string({ error: 'validation.required' }).refine(isProvinceCode, 'validation.invalid'),
  method: z.enum(['code', 'spoken'], { error: 'validation.invalid' }),
  note: fields.optionalText(1000),
  agree: z.literal('on', { error: 'udesk.assist.problem.agree' }),
  unionNews: z.literal('on').optional(),
});
