// Protected messaging between two people: who may start a conversation and
// about what, who may see and write in one, blocks, mutes, rate limits counted
// in PostgreSQL, masking of contact details until the two have done business
// together, and the scam detector's verdict on every message. Routes and other
// capabilities import these; every "who may" decision is a named function in
// access.server.ts.

export {
  MESSAGES_PAGE,
  INBOX_PAGE,
  MESSAGES_PER_MINUTE,
  NEW_CONVERSATIONS_LIMIT,
  NEW_CONVERSATION_WINDOW_MINUTES,
  OFF_PLATFORM_CODES,
  type Me,
  type SubjectKind,
  type SubjectRef,
} from './common.server';
export {
  haveDealTogether,
  canStartAboutListing,
  canStartAboutOrder,
  canStartAboutSession,
  subjectFromQuery,
  canStartAbout,
  canSeeConversation,
  otherMember,
  canSendTo,
  findConversationRow,
} from './access.server';
export { sendMessage, startConversation, type Warning, type SendResult } from './send.server';
export { setMuted, setBlocked } from './blocks.server';
export { viewMessage, type SignalView, type MessageView } from './views.server';
export { listInbox, unreadConversations, loadConversation, markRead, findPairConversation } from './inbox.server';
