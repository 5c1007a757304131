import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { userDataMap } from '../app/modules/privacy/data-map';
import { deleteAccount } from '../app/modules/privacy/deletion.server';
import { createTestUser } from './support/fixtures';

// Every table with a column pointing at a person must say what her data export
// and her account deletion do with it (app/modules/privacy/data-map.ts). A new
// table that references users fails here until it does.

async function userReferences() {
  const { rows } = await sql<{ reference: string }>`
    select c.conrelid::regclass::text || '.' || a.attname as reference
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.confrelid = 'public.users'::regclass
    order by 1`.execute(db);
  return rows.map((r) => r.reference);
}

describe('every reference to a person is exported or handled by deletion', () => {
  it('has a rule for each foreign key to users in the catalogue, and none for columns that are gone', async () => {
    const references = await userReferences();
    expect(references.length).toBeGreaterThan(30);
    const missing = references.filter((r) => !(r in userDataMap));
    expect(missing, `add these to app/modules/privacy/data-map.ts: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(userDataMap).filter((r) => !references.includes(r));
    expect(stale, 'rules for columns that no longer reference users').toEqual([]);
  });

  it('gives a reason for every reference that is neither exported nor deleted', () => {
    for (const [reference, rule] of Object.entries(userDataMap)) {
      if (rule.export === 'no' || rule.deletion !== 'delete') expect(rule.why, reference).toBeTruthy();
    }
  });

  it('leaves no row behind in a table marked delete', async () => {
    const person = await createTestUser();
    await db
      .insertInto('notifications')
      .values({ user_id: person.id, message_key: 'privacy.notice.exportReady', params: {} })
      .execute();
    await db.insertInto('data_exports').values({ user_id: person.id }).execute();
    expect((await deleteAccount(person.id)).ok).toBe(true);
    for (const [reference, rule] of Object.entries(userDataMap)) {
      if (rule.deletion !== 'delete') continue;
      const [table, column] = reference.split('.');
      const { rows } = await sql<{
        n: string;
      }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${person.id}`.execute(db);
      expect(Number(rows[0].n), reference).toBe(0);
    }
  });
});
