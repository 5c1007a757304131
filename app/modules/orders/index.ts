// The orders capability's public functions, one file per concern:
// cart, checkout (with the VietQR payee), transitions, notices, payment events,
// housekeeping, queries for pages, reviews. Routes import from here.
export * from './settings.server';
export * from './cart.server';
export * from './checkout.server';
export { paymentCode } from './payee.server';
export { applyTransition, changeOrder, lockOrder, refundOwedOrder, type ChangeResult } from './transitions.server';
export { notifyAboutOrder } from './notices.server';
export * from './payment-events.server';
export * from './housekeeping.server';
export * from './queries.server';
export * from './reviews.server';
