// Where a phone keeps its join code and vote token, the one way values are kept in this browser
// (persisted.ts): a reload, or the phone's browser put to sleep, keeps the token and so the
// phone's votes in the room; in memory for the visit where storage is blocked (storage.ts).
import { persisted, type Format } from './persisted.ts';
import { isKey, normaliseCode } from '../live/protocol.ts';
import { livePhoneKey } from '../browser/storage-keys.ts';
import type { TokenStore } from '../live/phone.ts';

/** A phone's room: the join code it typed (normalised) and the token the server gave it. */
export type PhoneToken = { code: string; token: string } | undefined;

/**
 * How the token is saved: `{ v: 1, code, token }`. Before, it was saved as `{ code, token }`
 * without a version (`up[0]`). A code or token that cannot be read is dropped, and named once in
 * the console: the phone then joins as a new one when the code is typed, its earlier vote still
 * counted under the old token.
 */
export const phoneFormat: Format<PhoneToken> = {
  version: 1,
  up: { 0: (saved) => saved },
  decode({ code, token }) {
    if (code === undefined && token === undefined) return { value: undefined, dropped: [] };
    const normal = normaliseCode(code);
    return normal && isKey(token) ? { value: { code: normal, token }, dropped: [] } : { value: undefined, dropped: ['the code and token'] };
  },
  encode: (value) => ({ ...value }),
  empty: () => undefined,
};

/** The phone's token as saved in this browser, or in memory for this visit where storage is blocked or full. */
export function tokenStore(): TokenStore {
  const kept = persisted(livePhoneKey, phoneFormat);
  return {
    read: () => kept.read().value,
    write: (value) => void kept.update(() => value),
  };
}
