import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// Each test file gets a database of its own, copied from a template that global
// setup migrated once: a fresh database on the PostgreSQL server when
// DATABASE_URL is set, else a copy of a migrated embedded (PGlite) folder.

export type TemplateInfo = { kind: 'postgres'; adminUrl: string; template: string } | { kind: 'pglite'; dir: string };

export function databaseUrlWithName(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function uniqueName(prefix: string) {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Creates this file's database from the template and points the app's env at it. */
export async function createFileDatabase(info: TemplateInfo) {
  if (info.kind === 'postgres') {
    const name = uniqueName(info.template.replace(/_tpl$/, ''));
    await adminQuery(info.adminUrl, `create database "${name}" template "${info.template}"`);
    process.env.DATABASE_URL = databaseUrlWithName(info.adminUrl, name);
    return async () => adminQuery(info.adminUrl, `drop database if exists "${name}" with (force)`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sen-test-'));
  cpSync(info.dir, dir, { recursive: true });
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dir;
  return async () => rmSync(dir, { recursive: true, force: true });
}
