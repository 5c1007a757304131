import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './schema';
import { migrations } from './migrations/index';

// db/migrations/index.ts lists them: the compiled server has no .ts files to read from a folder.
const provider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

export async function migrateToLatest(db: Kysely<Database>) {
  // Capabilities number their migrations in ranges (0100 verification, 0200 market, ...),
  // so a database may have run a higher number before a lower one arrived.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return applied;
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const { db, closeDb } = await import('../app/lib/db.server');
  try {
    const applied = await migrateToLatest(db);
    console.log(JSON.stringify({ level: 'info', msg: 'migrated', applied }));
  } finally {
    await closeDb();
  }
}
