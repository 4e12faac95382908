// The engine's public surface for pages and islands. Build-time validation lives in validate.ts.
export * from './graph.ts';
export * from './run.ts';
export * from './stored-run.ts';
export * from './scoring.ts';
export * from './paths.ts';
export * from './compare.ts';
export * from './debrief.ts';
export * from './texts.ts';
export * from './moment.ts';
export * from './localize.ts';
export * from './vocabulary.ts';
export type * from './types.ts';
