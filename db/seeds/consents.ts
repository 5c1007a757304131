import type { Kysely } from 'kysely';
import { legalVersion } from '../../app/modules/legal/content.server';
import type { Database } from '../schema';

/** Every demo person has agreed to the texts in force, as sign-up would have asked her to. */
export async function seedConsents(db: Kysely<Database>) {
  await db
    .insertInto('consents')
    .columns(['user_id', 'purpose', 'version', 'channel'])
    .expression((eb) =>
      eb
        .selectFrom('users')
        .select((s) => [
          'users.id',
          s.val('terms').as('purpose'),
          s.val(legalVersion).as('version'),
          s.val('web').as('channel'),
        ]),
    )
    .onConflict((oc) => oc.columns(['user_id', 'purpose', 'version']).where('withdrawn_at', 'is', null).doNothing())
    .execute();
}
