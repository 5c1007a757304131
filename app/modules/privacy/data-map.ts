// Every column of the database that points at a person (a foreign key to
// users), and what "download my data" and "delete my account" do with it.
// tests/privacy-map.test.ts reads the references from the PostgreSQL catalogue
// and fails when one is missing here: a new table cannot forget her rights.

/**
 * export: 'rows' puts her rows in the ZIP (minus `omit`, secrets), 'messages'
 * means the messages file covers it, 'no' says why not in `why`.
 * deletion: 'delete' (her rows go in the deletion's transaction), 'anonymise'
 * (the row stays for the other party, her texts erased), 'keep' (why in `why`).
 */
export type DataRule = {
  export: 'rows' | 'messages' | 'no';
  omit?: string[];
  deletion: 'delete' | 'anonymise' | 'keep';
  why?: string;
};

export const userDataMap: Record<string, DataRule> = {
  'user_roles.user_id': { export: 'rows', deletion: 'delete' },
  'sessions.user_id': { export: 'rows', omit: ['id'], deletion: 'delete' },
  'otp_challenges.user_id': {
    export: 'no',
    deletion: 'delete',
    why: 'a code to change her number: a secret hash, lives 5 minutes, gone after a day',
  },
  'email_confirmations.user_id': {
    export: 'no',
    deletion: 'delete',
    why: 'a link to confirm an email she added: a secret, lives one hour',
  },
  'password_reset_tokens.user_id': { export: 'no', deletion: 'delete', why: 'secret, lives one hour' },
  'notifications.user_id': { export: 'rows', deletion: 'delete' },
  // Issue 14: her choice of channels per kind of notice, and the delivery record of her notices (SMS, Zalo, email).
  'notification_preferences.user_id': { export: 'rows', deletion: 'delete' },
  'outbox_emails.user_id': { export: 'rows', deletion: 'delete' },
  'business_profiles.user_id': {
    export: 'rows',
    // A keyed hash of her identity number: a secret of Sen's, not readable data (her last 3 digits are exported).
    omit: ['id_number_hmac'],
    deletion: 'anonymise',
    why: "the buyers' orders name the shop: name replaced, texts, photos and contacts erased",
  },
  'mentor_profiles.user_id': {
    export: 'rows',
    deletion: 'anonymise',
    why: "the mentees' sessions point at it: texts erased, offer removed",
  },
  'verification_events.user_id': {
    export: 'rows',
    deletion: 'keep',
    why: 'the record of staff decisions (who decided what, when)',
  },
  'verification_events.actor_id': { export: 'no', deletion: 'keep', why: 'acts as staff, about other people' },
  'listings.seller_id': { export: 'rows', omit: ['search', 'title_plain'], deletion: 'delete' },
  'learning_quiz_attempts.user_id': { export: 'rows', deletion: 'delete' },
  'learning_enrolments.user_id': { export: 'rows', deletion: 'delete' },
  'learning_lesson_progress.user_id': { export: 'rows', deletion: 'delete' },
  'learning_certificates.user_id': { export: 'rows', deletion: 'delete' },
  'learning_game_plays.user_id': { export: 'rows', deletion: 'delete' },
  'learning_game_scores.user_id': { export: 'rows', deletion: 'delete' },
  'offline_replays.user_id': {
    export: 'no',
    deletion: 'delete',
    why: 'a receipt that an answer sent offline was counted once: a random key and the page, nothing she wrote',
  },
  'cart_items.buyer_id': { export: 'rows', deletion: 'delete' },
  'orders.buyer_id': {
    export: 'rows',
    deletion: 'anonymise',
    why: 'kept for the accounting period, her name, phone and address replaced',
  },
  'orders.seller_id': {
    export: 'rows',
    deletion: 'anonymise',
    why: "the buyer's order history; the shop's name is replaced",
  },
  'order_events.actor_id': { export: 'no', deletion: 'keep', why: "the order's history, part of the order" },
  'order_reviews.buyer_id': {
    export: 'rows',
    deletion: 'anonymise',
    why: 'the rating stays in the average, her comment is erased',
  },
  'order_reviews.seller_id': { export: 'rows', deletion: 'anonymise', why: 'her reply is erased' },
  'review_photos.buyer_id': { export: 'rows', deletion: 'delete' },
  'mentoring_sessions.mentee_id': {
    export: 'rows',
    omit: ['mentor_notes'],
    deletion: 'anonymise',
    why: "the mentor's history; her note and comment erased",
  },
  'group_sessions.host_id': {
    export: 'rows',
    deletion: 'delete',
    why: 'her group sessions go with her account; their bookings with them',
  },
  'group_bookings.attendee_id': { export: 'rows', deletion: 'delete' },
  'mentoring_sessions.mentor_id': {
    export: 'rows',
    deletion: 'anonymise',
    why: "the mentee's history; her private notes erased",
  },
  'conversations.started_by': { export: 'messages', deletion: 'keep', why: 'the other side keeps the conversation' },
  'conversations.user_a': { export: 'messages', deletion: 'keep', why: 'the other side keeps the conversation' },
  'conversations.user_b': { export: 'messages', deletion: 'keep', why: 'the other side keeps the conversation' },
  'conversation_members.user_id': {
    export: 'messages',
    deletion: 'keep',
    why: 'the other side keeps the conversation',
  },
  'messages.sender_id': {
    export: 'messages',
    deletion: 'keep',
    why: 'the other side reads them from "deleted account"',
  },
  'user_blocks.blocker_id': { export: 'rows', deletion: 'delete' },
  'user_blocks.blocked_id': { export: 'no', deletion: 'delete', why: "another person's choice" },
  'reports.reporter_id': {
    export: 'rows',
    deletion: 'keep',
    why: 'moderation evidence; the reporter shows as the deleted account',
  },
  'reports.resolved_by': { export: 'no', deletion: 'keep', why: 'acts as staff' },
  'reports.subject_user_id': {
    export: 'no',
    deletion: 'keep',
    why: 'reports about her protect the reporters; staff keep the record',
  },
  'moderation_actions.staff_id': { export: 'no', deletion: 'keep', why: 'acts as staff' },
  'moderation_actions.subject_user_id': {
    export: 'rows',
    omit: ['report_id'],
    deletion: 'keep',
    why: 'the record of decisions about her',
  },
  'scam_accounts.added_by': { export: 'no', deletion: 'keep', why: 'acts as staff' },
  'scam_accounts.removed_by': { export: 'no', deletion: 'keep', why: 'acts as staff' },
  'two_factor.user_id': { export: 'rows', omit: ['secret', 'last_used_step'], deletion: 'delete' },
  'two_factor_recovery_codes.user_id': { export: 'no', deletion: 'delete', why: 'secret' },
  'login_challenges.user_id': { export: 'no', deletion: 'delete', why: 'secret, lives five minutes' },
  'audit_log.actor_id': { export: 'no', deletion: 'keep', why: 'acts as staff' },
  'audit_log.subject_user_id': { export: 'rows', deletion: 'keep', why: 'who opened her data stays on record' },
  'consents.user_id': { export: 'rows', deletion: 'keep', why: 'proof of what she agreed to and when' },
  'data_exports.user_id': { export: 'rows', omit: ['storage_key'], deletion: 'delete' },
  'payout_accounts.seller_id': { export: 'rows', omit: ['webhook_key_hash'], deletion: 'delete' },
  'payout_accounts.reviewer_id': { export: 'no', deletion: 'keep', why: 'acts as staff' },
  'bank_transfers.seller_id': {
    export: 'rows',
    deletion: 'keep',
    why: 'payments received for orders, kept with the orders for the accounting period',
  },
  // Problems with orders (issue 18). Their photos (order_problem_photos, private files) and
  // order_events.problem_step belong to the problem and go with it.
  'order_problems.buyer_id': {
    export: 'rows',
    deletion: 'keep',
    why: "part of the order and of the seller's record (a refund owed or paid); kept with the order for the accounting period",
  },
  'order_problems.seller_id': {
    export: 'rows',
    deletion: 'keep',
    why: "part of the buyer's order (a refund she is owed); kept with the order for the accounting period",
  },
  'order_problems.decided_by': { export: 'no', deletion: 'keep', why: 'acts as staff, about other people' },
  'staff_scopes.user_id': { export: 'rows', deletion: 'delete' },
  'staff_scopes.granted_by': { export: 'no', deletion: 'keep', why: 'acts as staff' },
  'review_assignments.assigned_to': { export: 'no', deletion: 'delete', why: 'acts as staff: a queue item she took' },
  'review_assignments.assigned_by': { export: 'no', deletion: 'keep', why: 'acts as staff' },
  // Issue 19: staff met her in person (date, place, note); the staff member's side is her work.
  'verification_meetings.user_id': { export: 'rows', deletion: 'delete' },
  'verification_meetings.staff_id': { export: 'no', deletion: 'keep', why: 'acts as staff, about other people' },
  'assisted_signups.user_id': { export: 'rows', deletion: 'delete' },
  'assisted_signups.assisted_by': { export: 'no', deletion: 'keep', why: 'acts as staff: a sign-up she assisted' },
  // Issue 20: her membership of a cooperative, the invitations she sent for it, her OCOP certificates, her pickup address.
  'business_members.user_id': { export: 'rows', deletion: 'delete' },
  'business_members.invited_by': {
    export: 'no',
    deletion: 'keep',
    why: "an invitation she sent for her business: the member's record, about another person",
  },
  'ocop_certificates.seller_id': { export: 'rows', deletion: 'delete' },
  'pickup_addresses.seller_id': { export: 'rows', deletion: 'delete' },
  'listings.ocop_decided_by': { export: 'no', deletion: 'keep', why: 'acts as staff' },
};

export function splitReference(reference: string) {
  const [table, column] = reference.split('.');
  return { table, column };
}
