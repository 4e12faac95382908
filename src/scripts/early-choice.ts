import type { Step } from '../engine/types.ts';
import type { Player } from '../stores/player.ts';

/** What a learner did on the server-rendered player before its code started. */
export interface EarlyChoice extends Step {
  /** Whether they also pressed Continue after reading the choice's consequence. */
  continued: boolean;
}

/**
 * The choice a learner clicked before the player started, recorded by the page's inline script
 * (layouts/boot/early-choice.ts); undefined when there was none. It is handed out once: the next
 * call returns undefined.
 */
export function takeEarlyChoice(): EarlyChoice | undefined {
  const root = document.documentElement;
  const [node, choice] = root.dataset['earlyChoice']?.split(' ') ?? [];
  const continued = root.dataset['earlyContinue'] !== undefined;
  delete root.dataset['earlyChoice'];
  delete root.dataset['earlyContinue'];
  return node && choice ? { node, choice, continued } : undefined;
}

/**
 * Once the island is live: removes the consequence the page showed ahead of the player and shows
 * the island again (the live player has made the same choice by then).
 */
export function retireEarlyView(root: HTMLElement): void {
  for (const view of document.querySelectorAll('[data-early-view]')) view.remove();
  root.hidden = false;
}

/**
 * Makes what the learner did before the player started: the choice, and leaving its feedback if
 * they had already pressed Continue, provided the run is still at that moment; a resumed run
 * that has moved on keeps its place instead.
 */
export function makeEarlyChoice(player: Player, early: EarlyChoice | undefined): void {
  const view = player.$view.get();
  if (!early || view.node.id !== early.node || view.feedback) return;
  player.choose(early.choice);
  if (early.continued) player.continueOn();
}
