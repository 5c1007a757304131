// Mentoring: offers and weekly hours, free slots, booking (paid ones held while
// she pays), one session's actions, the mentor directory, calendar files and
// reminders. Routes, jobs and other capabilities import these; group sessions
// (group.server.ts, group-paid.server.ts) and card events (paid.server.ts) are their own files.

export { paymentHoldMinutes, occupyingStatuses } from './common.server';
export {
  findOffer,
  findWeeklyHours,
  findDateExceptions,
  saveOffer,
  addDateException,
  removeDateException,
  type OfferInput,
} from './offers.server';
export { freeSlots } from './free-slots.server';
export { bookSession, notify, type BookingProblem, type BookingResult } from './booking.server';
export {
  findSessionFor,
  allowedActions,
  decide,
  refundIfDue,
  cancelSession,
  rescheduleSession,
  rateSession,
  saveSessionNotes,
  type Side,
  type SessionView,
  type ActionProblem,
} from './session.server';
export { listSessionsFor, listMentors, findMentor, type MentorFilters } from './directory.server';
export { sessionIcs } from './ics.server';
export { sendDueReminders } from './reminders.server';
