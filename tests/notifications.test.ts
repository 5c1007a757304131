import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { unreadNotifications } from '../app/modules/notifications/notifications.server';
import { action, loader } from '../app/routes/notifications';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';

async function notify(userId: string, n: number, key = 'orders.notify.placed') {
  for (let i = 0; i < n; i++) {
    await db
      .insertInto('notifications')
      .values({ user_id: userId, message_key: key, params: { number: `SEN-${i}` }, link: `/orders/${i}` })
      .execute();
  }
}

describe('notifications', () => {
  it('shows her own notifications, newest first, 30 a page, and nobody else’s', async () => {
    const her = await createTestUser();
    const other = await createTestUser();
    await notify(her.id, 35);
    await notify(other.id, 1, 'moderation.notify.warn');

    const first = payload(await call(loader, getRequest('/notifications', { cookie: her.cookie })));
    expect(first.items).toHaveLength(30);
    expect(first.items[0].params.number).toBe('SEN-34');
    expect(first.items.every((i) => i.key === 'orders.notify.placed' && !i.read)).toBe(true);
    const second = payload(
      await call(loader, getRequest(`/notifications?before=${first.next}`, { cookie: her.cookie })),
    );
    expect(second.items.map((i) => i.params.number)).toEqual(['SEN-4', 'SEN-3', 'SEN-2', 'SEN-1', 'SEN-0']);
    expect(second.next).toBeNull();
  });

  it('marks all of hers read, and only hers', async () => {
    const her = await createTestUser();
    const other = await createTestUser();
    await notify(her.id, 3);
    await notify(other.id, 2);
    expect(await unreadNotifications(her.id)).toBe(3);

    const done = await call(action, formRequest('/notifications', {}, { cookie: her.cookie }));
    expect(statusOf(done)).toBe(302);
    expect(await unreadNotifications(her.id)).toBe(0);
    expect(await unreadNotifications(other.id)).toBe(2);
    const page = payload(await call(loader, getRequest('/notifications', { cookie: her.cookie })));
    expect(page.items.every((i) => i.read)).toBe(true);
  });

  it('sends the anonymous to the login page', async () => {
    const res = (await call(loader, getRequest('/notifications'))) as Response;
    expect(res.headers.get('location')).toMatch(/^\/login/);
  });
});
