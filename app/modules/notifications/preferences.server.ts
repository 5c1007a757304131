import { z } from 'zod';
import { db } from '~/lib/db.server';
import type { FieldErrors } from '~/lib/forms.server';
import { formatPhone } from '~/lib/phone';
import { defaultChoices, noticeKinds, type ChannelChoice, type NoticeKind } from './kinds';
import { dailyCap, reachOf } from './notify.server';
import { quietHoursFromEnv } from './quiet-hours';

// /account/notifications: her channels per kind of notice.

/** What the settings page shows: her confirmed channels, her choice per kind (defaults where she made none), the rules. */
export async function notificationSettings(userId: string) {
  const [user, rows] = await Promise.all([
    db
      .selectFrom('users')
      .select(['email', 'phone', 'phone_confirmed_at'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('notification_preferences')
      .select(['kind', 'phone', 'email'])
      .where('user_id', '=', userId)
      .execute(),
  ]);
  const stored = new Map(rows.map((r) => [r.kind, { phone: r.phone, email: r.email }]));
  const choices = Object.fromEntries(noticeKinds.map((k) => [k, stored.get(k) ?? defaultChoices[k]])) as Record<
    NoticeKind,
    ChannelChoice
  >;
  const reach = reachOf(user);
  const quiet = quietHoursFromEnv();
  return {
    reach,
    phone: reach.phone && user.phone ? formatPhone(user.phone) : null,
    email: user.email,
    choices,
    rules: { start: quiet.start, end: quiet.end, cap: dailyCap() },
  };
}

const phoneChoice = z.enum(['zalo', 'sms', 'off'], { error: 'notify.settings.invalid' });

// One select (phone) and one checkbox (email) per kind; a channel she has not confirmed is not on the form.
export const preferencesSchema = z.object(
  Object.fromEntries(
    noticeKinds.flatMap((k) => [
      [`phone_${k}`, phoneChoice.optional()],
      [`email_${k}`, z.literal('on', { error: 'notify.settings.invalid' }).optional()],
    ]),
  ) as Record<string, z.ZodOptional<z.ZodType<string>>>,
);

/**
 * Saves her choices, all kinds at once. A phone channel needs a confirmed phone
 * and an email channel an email: a form that asks for one she lacks is refused
 * on that field. A channel missing from the form keeps its current value.
 */
export async function savePreferences(
  userId: string,
  input: Record<string, string | undefined>,
  hasEmailField: boolean,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const current = await notificationSettings(userId);
  const errors: FieldErrors = {};
  const next = { ...current.choices };
  for (const k of noticeKinds) {
    const phone = input[`phone_${k}`] as ChannelChoice['phone'] | undefined;
    if (phone && phone !== 'off' && !current.reach.phone) errors[`phone_${k}`] = 'notify.settings.noPhone';
    const email = input[`email_${k}`] === 'on';
    if (email && !current.reach.email) errors[`email_${k}`] = 'notify.settings.noEmail';
    next[k] = {
      phone: current.reach.phone && phone ? phone : current.choices[k].phone,
      // An unticked box is not sent: when the email column is on the form, absence means "no".
      email: current.reach.email && hasEmailField ? email : current.choices[k].email,
    };
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  await db
    .insertInto('notification_preferences')
    .values(noticeKinds.map((k) => ({ user_id: userId, kind: k, phone: next[k].phone, email: next[k].email })))
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({
        phone: eb.ref('excluded.phone'),
        email: eb.ref('excluded.email'),
        updated_at: new Date(),
      })),
    )
    .execute();
  return { ok: true };
}
