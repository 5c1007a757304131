// Kept so imports of the old single file still resolve; the code lives in one
// file per concern, listed in index.ts. Import from './index' (or a named file).
export * from './index';
