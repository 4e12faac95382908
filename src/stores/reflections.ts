// A lesson's reflections, saved as two tabs may both edit them: what to keep when both changed one.
// Kept apart from progress.ts, which every player page loads: only lesson pages need it.
import { updateLesson } from './lessons.ts';
import type { StorageNotice } from './saved-progress.ts';

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

/**
 * Saves a reflection typed over `base`, the text this tab last knew as saved. Where another tab
 * saved a different text meanwhile, both are kept (see mergeText) and `merged` says so; the
 * returned text is what is saved now, for the page to show, with what the learner should hear
 * about storage, if anything.
 */
export function saveReflection(slug: string, prompt: number, text: string, base: string): MergedText & { notice: StorageNotice } {
  let result: MergedText = { text, merged: false };
  const notice = updateLesson(slug, (l) => {
    result = mergeText(base, text, l.reflections?.[prompt] ?? '');
    return { ...l, reflections: { ...l.reflections, [prompt]: result.text } };
  });
  return { ...result, notice };
}
