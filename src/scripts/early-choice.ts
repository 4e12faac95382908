import type { Player } from '../stores/player.ts';

/**
 * Once the island is live: removes the consequence the page showed ahead of the player and shows
 * the island again (the live player has made the same choice by then).
 */
export function retireEarlyView(root: HTMLElement): void {
  for (const view of document.querySelectorAll('[data-early-view]')) view.remove();
  root.hidden = false;
}

/**
 * Makes what the learner did before the player started, as the page's inline script recorded
 * it (layouts/boot/early-choice.ts) on <html data-early-choice="node choice">, and
 * data-early-continue where they also pressed Continue after reading the choice's consequence:
 * the choice, and leaving its feedback, provided the run is still at that moment; a resumed run
 * that has moved on keeps its place instead. The record is taken once: a second call finds none.
 */
export function makeEarlyChoice(player: Player): void {
  const data = document.documentElement.dataset;
  const [node, choice] = data['earlyChoice']?.split(' ') ?? [];
  const continued = data['earlyContinue'] !== undefined;
  delete data['earlyChoice'];
  delete data['earlyContinue'];
  const view = player.$view.get();
  if (!choice || view.node.id !== node || view.feedback) return;
  player.choose(choice);
  if (continued) player.continueOn();
}
