import { db } from '~/lib/db.server';
import { usersWhoCompleted } from './lessons.server';

// The Safe Seller badge. Rule (also shown on /learn/safe-seller):
// a seller holds the badge while she has done every CURRENT step of the core
// course "Bán hàng an toàn trên mạng": every published lesson of every published
// module read, and every published module's quiz passed. When staff publish a
// new module (or a new lesson or quiz) in the core course, sellers who have not
// done it lose the badge until they do; nothing else needs to happen, since the
// badge is computed from progress, never stored. Her certificate for the date
// she first completed the course stays valid.

/** The ids among `userIds` that hold the Safe Seller badge today. One query, for lists of sellers. */
export async function safeSellerIds(userIds: readonly string[]): Promise<Set<string>> {
  return usersWhoCompleted(db, { core: true }, userIds);
}

export async function isSafeSeller(userId: string): Promise<boolean> {
  return (await safeSellerIds([userId])).has(userId);
}
