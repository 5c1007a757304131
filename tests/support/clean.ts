import { sql } from 'kysely';
import { beforeEach } from 'vitest';
import { db } from '../../app/lib/db.server';

/** Empties every table of the app (not the migration records), children and all. */
export async function truncateAll() {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(db);
  if (!rows.length) return;
  await sql.raw(`truncate ${rows.map((r) => `"${r.tablename}"`).join(', ')} restart identity cascade`).execute(db);
}

/** Each test of the calling file starts on empty tables. */
export function useCleanDatabase() {
  beforeEach(truncateAll);
}
