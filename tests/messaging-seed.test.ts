import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { listInbox, unreadConversations } from '../app/modules/messaging/index.server';
import { seedAccounts } from '../db/seeds/accounts';
import { seedMarket } from '../db/seeds/market';
import { seedMessaging } from '../db/seeds/messaging';
import { seedVerification } from '../db/seeds/verification';

describe('the messaging demo seed', () => {
  it('gives buyer@sen.test a friendly conversation and one with a deposit request shown with a warning, and runs twice', async () => {
    await seedAccounts(db);
    await seedVerification(db);
    await seedMarket(db);
    await seedMessaging(db);
    await seedMessaging(db);
    const buyer = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'buyer@sen.test')
      .executeTakeFirstOrThrow();
    expect(await db.selectFrom('conversations').select('id').execute()).toHaveLength(2);
    const levels = await db
      .selectFrom('messages')
      .select(['scam_level', 'scam_signals'])
      .where('scam_level', '<>', 'none')
      .execute();
    expect(levels).toHaveLength(1);
    expect(levels[0].scam_level).toBe('danger');
    expect(levels[0].scam_signals).toContain('deposit_request');
    const inbox = await listInbox(buyer.id);
    expect(inbox.conversations).toHaveLength(2);
    // Newest first: gom's reply, with the account number masked (no order together), unread.
    expect(inbox.conversations[0]).toMatchObject({ unread: true, last: { state: 'shown', level: 'danger' } });
    expect(inbox.conversations[0].last?.body).toContain('stk •••');
    expect(await unreadConversations(buyer.id)).toBe(1);
  });
});
