import type { MessageKey } from '~/lib/i18n';
import { db } from '~/lib/db.server';
import { isMessageKey } from '~/lib/i18n.server';

// The in-app notifications, read by their owner. They are written only by
// notify() (notify.server.ts), which also sends them by her other channels.

const pageSize = 30;

export type NotificationItem = {
  id: number;
  key: MessageKey;
  params: Record<string, string | number>;
  link: string | null;
  createdAt: Date;
  read: boolean;
};

/** Her notifications, newest first, 30 a page; `before` is the last id of the previous page. */
export async function listNotifications(userId: string, before?: number) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'message_key', 'params', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(pageSize + 1);
  if (before !== undefined) query = query.where('id', '<', before);
  const rows = await query.execute();
  const items: NotificationItem[] = rows.slice(0, pageSize).flatMap((r) =>
    // A key a later release removed is skipped rather than shown raw.
    isMessageKey(r.message_key)
      ? [
          {
            id: Number(r.id),
            key: r.message_key,
            params: r.params,
            link: r.link,
            createdAt: r.created_at,
            read: r.read_at !== null,
          },
        ]
      : [],
  );
  const next = rows.length > pageSize ? Number(rows[pageSize - 1].id) : null;
  return { items, next };
}

export async function unreadNotifications(userId: string) {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markAllRead(userId: string) {
  await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}
