import { strToU8, Zip, ZipDeflate } from 'fflate';
import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { enqueue } from '~/lib/jobs.server';
import { log } from '~/lib/log.server';
import { getStorage } from '~/lib/storage.server';
import { viewMessage, haveDealTogether } from '~/modules/messaging/index.server';
import { notify } from '~/modules/notifications/notify.server';
import { splitReference, userDataMap } from './data-map';

// "Download my data": the request records a pending export and sends a job; the
// job writes one ZIP of JSON files (everything that points at her, per
// data-map.ts, and her conversations as she sees them) to private storage and
// tells her through a notification. The link lives 7 days and opens only for her.

export const exportQueue = 'build-data-export';
export const exportLifetimeDays = 7;

export type ExportRequest = { ok: true; id: string } | { ok: false; reason: 'privacy.export.pending' };

/** Starts an export; while one is being made, another waits (a unique index says so). */
export async function requestExport(userId: string): Promise<ExportRequest> {
  try {
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('data_exports')
        .values({ user_id: userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await enqueue(exportQueue, { id: row.id }, { trx });
      return row.id;
    });
    return { ok: true, id };
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return { ok: false, reason: 'privacy.export.pending' };
    throw error;
  }
}

/** Her exports, newest first, with whether each may still be downloaded. */
export async function listExports(userId: string, now = new Date()) {
  const rows = await db
    .selectFrom('data_exports')
    .select(['id', 'status', 'created_at', 'ready_at', 'expires_at', 'size_bytes'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(5)
    .execute();
  return rows.map((r) => ({ ...r, downloadable: r.status === 'ready' && r.expires_at > now }));
}

export type ExportLookup = { ok: true; key: string } | { ok: false; status: 404 | 410 };

/** Her ready export; another person's (or none) is 404, an expired one 410. */
export async function findExportForDownload(userId: string, id: string, now = new Date()): Promise<ExportLookup> {
  const row = await db
    .selectFrom('data_exports')
    .select(['storage_key', 'status', 'expires_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row || row.status !== 'ready' || !row.storage_key) return { ok: false, status: 404 };
  if (row.expires_at <= now) return { ok: false, status: 410 };
  return { ok: true, key: row.storage_key };
}

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));

/** Her conversations with every message as she sees them (the other side's contacts masked until they dealt). */
async function conversationsAsSeenBy(userId: string) {
  const conversations = await db
    .selectFrom('conversations as c')
    .innerJoin('conversation_members as me', (j) =>
      j.onRef('me.conversation_id', '=', 'c.id').on('me.user_id', '=', userId),
    )
    .innerJoin('users as other', (j) =>
      j.on(sql`other.id`, '=', sql`case when c.user_a = ${userId}::uuid then c.user_b else c.user_a end`),
    )
    .select([
      'c.id',
      'c.created_at',
      'c.listing_id',
      'c.order_id',
      'c.session_id',
      'other.id as other_id',
      'other.display_name as other_name',
    ])
    .orderBy('c.created_at')
    .execute();
  const out = [];
  for (const c of conversations) {
    const messages = await db
      .selectFrom('messages')
      .select(['id', 'sender_id', 'body', 'scam_level', 'scam_signals', 'hidden_at', 'created_at'])
      .where('conversation_id', '=', c.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const deal = await haveDealTogether(userId, c.other_id);
    const readerHasWritten = messages.some((m) => m.sender_id === userId);
    out.push({
      conversation: c.id,
      with: c.other_name,
      about: { listing: c.listing_id, order: c.order_id, session: c.session_id },
      messages: messages.map((m) => {
        const seen = viewMessage(m, { readerId: userId, deal, readerHasWritten });
        return {
          from: seen.mine ? 'me' : c.other_name,
          at: m.created_at.toISOString(),
          text: seen.body,
          state: seen.state,
        };
      }),
    });
  }
  return out;
}

/** Every row that points at her, file by file (name → rows). */
export async function collectPersonalData(userId: string) {
  const files: Record<string, unknown> = {};
  const account = await db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'phone',
      'phone_confirmed_at',
      'display_name',
      'locale',
      'time_zone',
      'created_at',
      'updated_at',
      'suspended_at',
      'suspended_until',
      'suspension_reason',
      'home_province',
      'age_group',
      'ethnic_group',
      'groups_consented_at',
    ])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  files['account.json'] = account;
  for (const [reference, rule] of Object.entries(userDataMap)) {
    if (rule.export !== 'rows') continue;
    const { table, column } = splitReference(reference);
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} where ${sql.ref(column)} = ${userId}`.execute(db);
    const omit = new Set<string>(rule.omit ?? []);
    files[`${table}.${column}.json`] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([name]) => !omit.has(name))),
    );
  }
  // What each of her orders held (as buyer and as seller).
  files['order_items.json'] = await db
    .selectFrom('order_items')
    .innerJoin('orders', 'orders.id', 'order_items.order_id')
    .select([
      'order_items.order_id',
      'order_items.listing_id',
      'order_items.title',
      'order_items.unit_price',
      'order_items.quantity',
    ])
    .where((eb) => eb.or([eb('orders.buyer_id', '=', userId), eb('orders.seller_id', '=', userId)]))
    .execute();
  files['messages.json'] = await conversationsAsSeenBy(userId);
  return files;
}

const readme = `Sen — your data / dữ liệu của chị
Each .json file holds the rows Sen keeps that point at you, named <table>.<column>.json.
Mỗi tệp .json chứa các dòng dữ liệu Sen giữ về chị, tên tệp là <bảng>.<cột>.json.
messages.json: your conversations as you see them / các cuộc trò chuyện như chị thấy.
Secrets (password hash, two-step key, session ids) are left out / Mật khẩu và khoá bí mật không có trong đây.
`;

/** A ZIP of the given files, written entry by entry through fflate's streaming Zip. */
export function zipFiles(files: Record<string, unknown>) {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const add = (name: string, bytes: Uint8Array) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
  };
  add('README.txt', strToU8(readme));
  for (const [name, value] of Object.entries(files)) add(name, json(value));
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** The job: builds the ZIP, stores it privately, marks it ready and tells her. */
export async function buildExport(id: string) {
  const row = await db.selectFrom('data_exports').select(['user_id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row || row.status !== 'pending') return { skipped: true };
  const bytes = zipFiles(await collectPersonalData(row.user_id));
  const key = `private/exports/${row.user_id}/${id}.zip`;
  await getStorage().put(key, bytes, 'application/zip');
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('data_exports')
      .set({
        status: 'ready',
        storage_key: key,
        size_bytes: bytes.byteLength,
        ready_at: new Date(),
        expires_at: sql<Date>`now() + make_interval(days => ${exportLifetimeDays})`,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows))
      await notify(trx, row.user_id, { kind: 'account', key: 'privacy.notice.exportReady', link: '/account/privacy' });
  });
  log.info('data export ready', { exportId: id, bytes: bytes.byteLength });
  return { bytes: bytes.byteLength };
}

/** Retention: exports past their 7 days leave storage and the table. */
export async function deleteExpiredExports(now = new Date()) {
  const due = await db
    .selectFrom('data_exports')
    .select(['id', 'storage_key'])
    .where('expires_at', '<=', now)
    .limit(500)
    .execute();
  const storage = getStorage();
  for (const row of due) {
    if (row.storage_key) await storage.delete(row.storage_key);
    await db.deleteFrom('data_exports').where('id', '=', row.id).execute();
  }
  return { exports: due.length };
}
