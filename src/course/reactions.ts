// Where a choice's reaction sits among a story's moments (`StoryViews.moments`, course/moment-views.ts):
// the one key the build files it under and the console and the projector screen look it up by.
// Apart from moment-views.ts, which draws the portraits at build time and never ships to a browser.

/** The key of a choice's reaction among a story's moments: "node/choice", e.g. "unpaid/remind". */
export const reactionKey = (node: string, choice: string): string => `${node}/${choice}`;

/**
 * The reaction to the choice in `decided` (a player's or the console's feedback: the decision
 * and the choice taken there), as the story shows it; undefined without feedback or when the
 * choice has no reaction (the feedback's text then stands alone).
 */
export function reactionOf<M>(
  story: { moments: Record<string, M> },
  decided: { node: { id: string }; choice: { id: string } } | undefined,
): M | undefined {
  return decided && story.moments[reactionKey(decided.node.id, decided.choice.id)];
}
