import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './schema';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Reads db/migrations/NNNN_name.ts in name order. Written out instead of Kysely's
// FileMigrationProvider so the import goes through a file URL (Node's ESM loader
// wants one) and non-migration files are ignored.
const provider: MigrationProvider = {
  async getMigrations() {
    const files = (await fs.readdir(migrationsFolder)).filter((f) => /^\d{4}_[a-z0-9_]+\.ts$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = await import(pathToFileURL(path.join(migrationsFolder, file)).href);
    }
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
