import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, databaseUrlWithName, type TemplateInfo } from './databases';

// Migrates one template database for the whole run (and installs pg-boss's
// schema in it), then hands its whereabouts to every test file.
export default async function setup(project: TestProject) {
  const adminUrl = process.env.DATABASE_URL;
  let info: TemplateInfo;
  let cleanup: () => Promise<void>;
  if (adminUrl) {
    const template = `${new URL(adminUrl).pathname.slice(1) || 'sen'}_t${process.pid}_tpl`;
    await adminQuery(adminUrl, `drop database if exists "${template}" with (force)`);
    await adminQuery(adminUrl, `create database "${template}"`);
    process.env.DATABASE_URL = databaseUrlWithName(adminUrl, template);
    info = { kind: 'postgres', adminUrl, template };
    cleanup = async () => {
      await adminQuery(adminUrl, `drop database if exists "${template}" with (force)`);
      // File databases left behind by a crashed worker.
      const client = new (await import('pg')).default.Client({ connectionString: adminUrl });
      await client.connect();
      const { rows } = await client.query(`select datname from pg_database where datname like $1`, [
        `${template.replace(/_tpl$/, '')}_%`,
      ]);
      await client.end();
      for (const row of rows) await adminQuery(adminUrl, `drop database if exists "${row.datname}" with (force)`);
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sen-template-'));
    process.env.DATA_DIR = dir;
    info = { kind: 'pglite', dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }

  const { db, closeDb } = await import('../../app/lib/db.server');
  const { migrateToLatest } = await import('../../db/migrate');
  const { startBoss, stopBoss } = await import('../../app/lib/jobs.server');
  const { jobQueues } = await import('../../jobs/index');
  await migrateToLatest(db);
  await startBoss({ queues: jobQueues, supervise: false });
  await stopBoss();
  await closeDb();
  if (adminUrl) process.env.DATABASE_URL = adminUrl;

  project.provide('database', info);
  return cleanup;
}

declare module 'vitest' {
  export interface ProvidedContext {
    database: TemplateInfo;
  }
}
