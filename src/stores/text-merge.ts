// Two tabs editing one free text (a lesson's reflection): what to keep when both changed it.

/** What a save of free text keeps: the text, and whether another tab's version had to be merged in. */
export interface MergedText {
  text: string;
  merged: boolean;
}

/**
 * Merges `mine`, typed over `base`, with `theirs`, saved meanwhile by another tab. Nothing is
 * lost: where only one side changed the text, that side wins; where one version already holds
 * the other, the longer one is kept; where both changed it, both are kept, theirs first, a blank
 * line apart, and `merged` is true so the learner can be told.
 */
export function mergeText(base: string, mine: string, theirs: string): MergedText {
  if (theirs === base || theirs === mine || mine.includes(theirs)) return { text: mine, merged: false };
  if (mine === base || theirs.includes(mine)) return { text: theirs, merged: false };
  return { text: `${theirs}\n\n${mine}`, merged: true };
}
