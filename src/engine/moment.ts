// What a moment is, beside its text: the medium it reaches the player in, the people in it, the
// day of the story and the money in view. Plain functions over the scenario, for every view.
import { holds } from './graph.ts';
import type { Meters, Scenario } from './types.ts';

type AnyScenario = Pick<Scenario, 'people' | 'money' | 'meters'>;
/** A decision's medium, its texts of type `Text` (a string once localized). */
export type Medium<Text = unknown> = Extract<Scenario<Text>['nodes'][number], { type: 'decision' }>['medium'];
export type Person = Scenario['people'][number];

/** The ids of the people a medium involves: the one it comes from first, then those it goes to, each once. */
export function peopleIn(medium: Medium): string[] {
  // A medium names a handful of people: a look along the list beats a set per medium (validation
  // asks for every decision of a long scenario).
  const ids = [medium.from];
  if ('to' in medium) for (const id of medium.to) if (!ids.includes(id)) ids.push(id);
  if ('lines' in medium && medium.lines) for (const line of medium.lines) if (!ids.includes(line.by)) ids.push(line.by);
  return ids;
}

/** A declared person by id; undefined when the scenario declares no such person. */
export function personOf<S extends AnyScenario>(scenario: S, id: string): S['people'][number] | undefined {
  return (scenario.people as S['people'][number][]).find((p) => p.id === id);
}

/** The money in view at these meter values, in whole units of `currency`. */
export interface MoneyInView {
  received: number;
  /** What is still owed of the money owed when the story started; never below 0. */
  outstanding: number;
  currency: string;
}

/**
 * The money at these meter values: received is the money meter's value times its amount, plus
 * the `extra` meter's value times its own (payments beyond what was owed: a new invoice, a
 * deposit); outstanding is what is left of the `owed` steps. A meter missing from `meters` counts as 0.
 */
export function moneyAt(scenario: AnyScenario, meters: Meters): MoneyInView {
  const { meter, amount, owed, currency, extra } = scenario.money;
  const paid = meters[meter] ?? 0;
  const more = extra ? (meters[extra.meter] ?? 0) * extra.amount : 0;
  return { received: paid * amount + more, outstanding: Math.max(0, owed - paid) * amount, currency };
}

/** The meters the money in view counts: the money meter, then the extra payments' meter, if any. */
export function moneyMeters(scenario: Pick<Scenario, 'money'>): string[] {
  const { meter, extra } = scenario.money;
  return extra ? [meter, extra.meter] : [meter];
}

/**
 * The meters shown as gauges: those neither hidden (facts the story remembers) nor counted by the
 * story's strip as money (`moneyMeters`), in the scenario's order.
 */
export function gaugeMeters<M extends Pick<Scenario, 'money' | 'meters'>>(scenario: M): M['meters'] {
  const money = moneyMeters(scenario);
  return scenario.meters.filter((m) => !m.hidden && !money.includes(m.id));
}

/**
 * What the story's strip says at these meter values, and the key of the money it names
 * (`moneyKey`, in `StoryViews.money`):
 * - `day`, the day alone, while the scenario's `money.shownWhen` does not hold (no money);
 * - `due`, on a choice whose money is still on its way (`pending`, from `Feedback.pending`): the
 *   money as it was before the choice, and `by`, the day it is expected;
 * - `money`, the day and the money at these values.
 */
export function stripAt(
  scenario: Pick<Scenario, 'money'>,
  meters: Meters,
  pending?: { meters: Meters; by: number },
): { says: 'day' } | { says: 'money'; money: string } | { says: 'due'; money: string; by: number } {
  const { shownWhen } = scenario.money;
  if (shownWhen !== undefined && !holds(shownWhen, meters)) return { says: 'day' };
  return pending
    ? { says: 'due', money: moneyKey(scenario, pending.meters), by: pending.by }
    : { says: 'money', money: moneyKey(scenario, meters) };
}

/**
 * The key of the money in view at these meter values, in `StoryViews.money`: the money meter's
 * value, then the extra meter's after a slash, e.g. "2" or "2/1". A meter missing counts as 0.
 */
export function moneyKey(scenario: Pick<Scenario, 'money'>, meters: Meters): string {
  return moneyMeters(scenario)
    .map((id) => meters[id] ?? 0)
    .join('/');
}

/**
 * The date of a day of the story from the scenario's `calendarStart` (YYYY-MM-DD), which is
 * day 1. Emails are dated with it. At noon UTC: written out in UTC, it is that date.
 */
export function dateOfDay(calendarStart: string, day: number): Date {
  return new Date(Date.parse(calendarStart) + (day - 0.5) * 86_400_000);
}
