// The self-declared groups offered on her profile (issue 19). Shared by the
// form and the reports. Ethnic groups: the largest of Vietnam's 54, then "other".
export const ageGroups = ['under_25', '25_34', '35_44', '45_54', '55_plus'] as const;
export type AgeGroup = (typeof ageGroups)[number];
export const ethnicGroups = [
  'kinh',
  'tay',
  'thai',
  'muong',
  'khmer',
  'hoa',
  'nung',
  'hmong',
  'dao',
  'gia_rai',
  'e_de',
  'other',
] as const;
export type EthnicGroup = (typeof ethnicGroups)[number];

/** Cells smaller than this are shown as "< 10", never as a number (no one is singled out). */
export const minCell = 10;
