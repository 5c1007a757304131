// The problems capability's public functions, one file per concern: opening,
// answers and moves, staff decisions and refunds, queries. Routes import from here.
export { maxProblemPhotos } from './shared.server';
export * from './open.server';
export * from './answers.server';
export * from './decisions.server';
export * from './queries.server';
