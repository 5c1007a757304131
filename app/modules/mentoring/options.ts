// Choices of a mentor's offer (labels: mentoring.topic.*, verification.language.*, mentoring.mode.*).
export const mentoringTopics = [
  'online_selling',
  'product_photos',
  'pricing',
  'bookkeeping',
  'digital_safety',
  'marketing',
  'packaging',
  'business_law',
] as const;
export type MentoringTopic = (typeof mentoringTopics)[number];
export const sessionLengths = [30, 45, 60] as const;
export const meetingModes = ['video', 'phone', 'in_person'] as const;
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
