// The verification capability's public functions: routes, jobs and other
// capabilities import from here, never from the files behind it.
export { addDocuments, findDocumentKey, listOwnDocuments, removeOwnDocument } from './documents.server';
export { impactFigures } from './impact.server';
export {
  findOwnMentorProfile,
  isApprovedMentor,
  listApprovedMentors,
  saveMentorApplication,
  type MentorInput,
} from './mentors.server';
export { findReview, listQueue, type QueueFilters } from './queue.server';
export { deleteExpiredDocuments, documentRetentionDays } from './retention.server';
export { canEditDocuments } from './states';
export { findLastDecision, transition, type TransitionResult } from './transitions.server';
export {
  parseIdNumber,
  saveIdNumber,
  sameIdentityAccounts,
  withoutIdHash,
  type IdNumberProblem,
} from './identity.server';
export {
  decideRenewal,
  renewalState,
  renewVerification,
  requestRenewalWithChanges,
  sendRenewalReminders,
  validMonths,
  type RenewalState,
} from './renewal.server';
export { listMeetings, recordMeeting } from './meetings.server';
export { requestMoreInfoBulk } from './bulk.server';
