// The checks every decoder of outside data shares (saved progress, workshop sessions, stored runs,
// messages between windows, requests to the live server): what JSON.parse gave may be anything.

/** A plain object (not null, not an array), whose fields are still to be checked. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An id or key from outside: a string of 1 to 200 characters, never `__proto__` (which, used as a
 * key of a plain object, would change its prototype instead of adding a field).
 */
export const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200 && v !== '__proto__';

/** A whole number JavaScript holds exactly (within ±2^53 − 1): no fraction, NaN or Infinity. */
export const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
