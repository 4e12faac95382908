import type { Step } from '../engine/types.ts';

/**
 * The choice a learner clicked before the player started, recorded by the page's inline script
 * (layouts/boot/early-choice.ts), as a step; undefined when there was none. It is handed out
 * once: the next call returns undefined.
 */
export function takeEarlyChoice(): Step | undefined {
  const root = document.documentElement;
  const [node, choice] = root.dataset['earlyChoice']?.split(' ') ?? [];
  delete root.dataset['earlyChoice'];
  return node && choice ? { node, choice } : undefined;
}
