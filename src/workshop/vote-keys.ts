// The console's keyboard shortcuts for the room's votes: the number keys 1-9 add a vote for the
// choice of that number, and with Shift or Alt take one away. Plain data in, a vote out; the
// console attaches the listener and records the vote.

/**
 * What the console reads of a key press (a `KeyboardEvent` is one): `code` is the physical key,
 * e.g. `Digit3` or `Numpad3`, the same key on every keyboard layout; `key` is what it typed.
 */
export type VoteKeyPress = Pick<KeyboardEvent, 'code' | 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>;

/** A vote to record: one added for the choice, or one taken away (`change` -1). */
export interface KeyVote {
  choice: string;
  change: 1 | -1;
}

/**
 * The vote a key press records, given the ids of the choices on screen in their order (none while
 * the room is not at a decision, or its feedback is up) and whether the key was typed into a
 * field (an input, a text area, a select), which keeps its keys. The number pad counts only while
 * it types digits: with Num Lock off, or with Shift on Windows, its keys arrive as End, Home and
 * the arrows (without Shift), and such a press is no vote rather than a vote added in place of
 * one taken away. Undefined when the press is not a vote: not a number key 1-9, a number beyond
 * the choices, typed into a field, or with Ctrl or Cmd (the browser's own shortcuts, such as
 * switching tabs).
 */
export function voteForKey(key: VoteKeyPress, choices: readonly string[] | undefined, inField: boolean): KeyVote | undefined {
  if (!choices || inField || key.ctrlKey || key.metaKey) return undefined;
  const [, row, digit] = /^(Digit|Numpad)([1-9])$/.exec(key.code) ?? [];
  if (row === 'Numpad' && key.key !== digit) return undefined;
  const choice = digit && choices[Number(digit) - 1];
  return choice ? { choice, change: key.shiftKey || key.altKey ? -1 : 1 } : undefined;
}
