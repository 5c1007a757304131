// The choices on a mentor application (labels: verification.expertise.* and verification.language.*).
export const expertiseAreas = [
  'marketing',
  'finance',
  'ecommerce',
  'digital_safety',
  'product',
  'law',
  'management',
] as const;
export const mentorLanguages = ['vi', 'en', 'hmong', 'tay', 'thai', 'khmer', 'ede'] as const;
export type ExpertiseArea = (typeof expertiseAreas)[number];
export type MentorLanguage = (typeof mentorLanguages)[number];
