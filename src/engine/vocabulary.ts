// The course's fixed words: principles, perspectives, path marks, the learner's grades and the
// endings' tones. Plain constants without zod, so the schema, the browser code and the pages
// all import the one list.

/** Ids are lowercase words joined by single hyphens, e.g. "month-unpaid", so they read well in addresses and saved progress. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The principles the course scores, in the order every view lists them. */
export const principleIds = ['warn-first', 'agree-terms', 'reward-good'] as const;

/** Whose side a scenario puts the player on. */
export const perspectives = ['contractor', 'client'] as const;

/** The two marked paths through a scenario: the real case's and the recommended one. */
export const pathMarks = ['real', 'recommended'] as const;

/** The learner's grade, from their overall score (see `gradeBands`); the best first. */
export const grades = ['best', 'good', 'mixed', 'poor'] as const;

/**
 * An ending's tone: how the story ended, whatever the play that led there; the best first. Each
 * tone sits beside the grade at the same position, so the two can be compared.
 */
export const tones = ['thriving', 'steady', 'strained', 'broken'] as const;

/** The expressions every portrait is drawn with, the default first. */
export const expressions = ['neutral', 'pleased', 'worried', 'annoyed'] as const;

/** How a moment reaches the player; each kind has its own look in every view. */
export const mediumKinds = ['email', 'call', 'chat', 'meeting', 'note'] as const;

/** The currencies a scenario's money may be counted in (ISO 4217); the case is American. */
export const currencies = ['USD', 'EUR', 'GBP', 'RUB'] as const;

export type Expression = (typeof expressions)[number];
export type MediumKind = (typeof mediumKinds)[number];
export type PrincipleId = (typeof principleIds)[number];
export type Perspective = (typeof perspectives)[number];
export type PathMark = (typeof pathMarks)[number];
export type Grade = (typeof grades)[number];
export type Tone = (typeof tones)[number];

export interface GradeBand {
  grade: Grade;
  /** The lowest overall score (0-100) in this band. */
  from: number;
  /** The highest overall score (0-100) in this band: 100 for the best, else one below the better band's lowest. */
  to: number;
  /** Each principle must have counted at least this share of its reference (0-1). */
  everyPrinciple?: number;
}

/**
 * The bands that turn an overall score into the learner's grade, the best first: best from 90
 * with every principle at least half its reference, good 70-89, mixed 40-69, poor below 40.
 * Fixed before the scenarios were balanced against them; the outcome view and the README state them.
 */
export const gradeBands: readonly GradeBand[] = [
  { grade: 'best', from: 90, to: 100, everyPrinciple: 0.5 },
  { grade: 'good', from: 70, to: 89 },
  { grade: 'mixed', from: 40, to: 69 },
  { grade: 'poor', from: 0, to: 39 },
];
