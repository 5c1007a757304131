import type { OrderState } from '../../../db/schema';
import { notify } from '~/modules/notifications/notify.server';
import type { MessageKey } from '~/lib/i18n';
import { shortNumber } from './states';
import type { Trx } from './settings.server';

// What an order tells the people on it.

export async function notifyState(
  trx: Trx,
  userId: string,
  orderId: string,
  state: OrderState,
  side: 'buyer' | 'seller',
) {
  const link = side === 'buyer' ? `/orders/${orderId}` : `/dashboard/orders/${orderId}`;
  await notifyAboutOrder(
    trx,
    userId,
    orderId,
    `orders.notify.${state}`,
    link,
    state === 'placed' && side === 'seller' ? 'order_placed' : 'order_update',
  );
}
/** Tells one side about her order (in-app, and her channels for orders). */
export async function notifyAboutOrder(
  trx: Trx,
  userId: string,
  orderId: string,
  key: MessageKey,
  link: string,
  kind: 'order_placed' | 'order_update' = 'order_update',
) {
  await notify(trx, userId, {
    kind,
    key,
    params: { number: shortNumber(orderId) },
    link,
    email: { subject: 'orders.email.subject', body: 'orders.email.body' },
  });
}
