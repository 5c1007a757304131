// The outcome figures' names, shared by the server (the query, the CSV) and the page that
// shows them: a `.server` module is empty in the browser.

export const outcomeMetrics = [
  'newEntrepreneurs',
  'verified',
  'medianDays',
  'activeSellers',
  'orders',
  'sales',
  'sessions',
  'lessons',
  'certificates',
  'warnings',
  'reportsHandled',
] as const;
export type OutcomeMetric = (typeof outcomeMetrics)[number];
export type OutcomeRow = { province: string; month: string } & Record<OutcomeMetric, number | null>;
