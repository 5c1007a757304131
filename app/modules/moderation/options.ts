import type { ModerationAction, ReportCategory } from '../../../db/schema';

// Lists the moderation pages and the server share (no server code: pages import them).

/** What a person may report something as. */
export const reportCategories = [
  'scam',
  'harassment',
  'counterfeit',
  'other',
] as const satisfies readonly ReportCategory[];
export type PersonReportCategory = (typeof reportCategories)[number];

/** Every category the staff queue shows, system reports included. */
export const queueCategories = [
  'scam',
  'harassment',
  'counterfeit',
  'other',
  'screening',
  'rate_limit',
] as const satisfies readonly ReportCategory[];

export const reportStatuses = ['open', 'resolved'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const staffActions = [
  'dismiss',
  'warn',
  'hide_listing',
  'clear_listing',
  'clear_profile',
  'suspend',
  'unsuspend',
  'revoke_verification',
  'hide_review',
] as const satisfies readonly ModerationAction[];
export type StaffAction = (typeof staffActions)[number];
