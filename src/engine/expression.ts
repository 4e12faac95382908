// The face the people of a moment wear. Derived, not declared: the trust meter already says how
// the relationship stands, and the last choice's effect on it says what just happened, so no
// author has to keep a face in step with the meters by hand.
import type { Meters, Scenario } from './types.ts';
import type { Expression } from './vocabulary.ts';

export { expressions, type Expression } from './vocabulary.ts';

/** The meter faces follow: a scenario without a meter of this id keeps every face neutral. */
export const faceMeter = 'trust';

/**
 * The expression at these meter values. A choice that has just moved trust shows at once: down
 * is `annoyed`, up is `pleased`. Otherwise the level shows: the top third of the meter's range is
 * `pleased`, the bottom third `worried`, between them `neutral` (trust 0-5: 4-5 pleased, 0-1
 * worried). `before` is the meters at the previous moment, or undefined at the start of a story.
 * A meter value missing from `meters` reads as the meter's start.
 */
export function expressionAt(scenario: Pick<Scenario, 'meters'>, meters: Meters, before?: Meters): Expression {
  const meter = scenario.meters.find((m) => m.id === faceMeter);
  if (!meter || meter.max <= meter.min) return 'neutral';
  const now = meters[meter.id] ?? meter.start;
  const then = before?.[meter.id] ?? now;
  if (now < then) return 'annoyed';
  if (now > then) return 'pleased';
  const share = (now - meter.min) / (meter.max - meter.min);
  return share > 2 / 3 ? 'pleased' : share < 1 / 3 ? 'worried' : 'neutral';
}

/**
 * The face for the trust level in `meters`, looked up in `faces` (the expression at each level,
 * worked out at build time with `expressionAt`: `StoryViews.faces`). Undefined where the meters
 * hold no trust: the face then stays neutral. The player, the console and the projector screen
 * all show faces this way.
 */
export function faceAt(faces: Readonly<Record<number, Expression>>, meters: Meters): Expression | undefined {
  const level = meters[faceMeter];
  return level === undefined ? undefined : faces[level];
}
