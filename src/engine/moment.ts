// What a moment is, beside its text: the medium it reaches the player in, the people in it, the
// day of the story and the money in view. Plain functions over the scenario, for every view.
import type { Meters, Scenario } from './types.ts';

type AnyScenario = Pick<Scenario, 'people' | 'money' | 'meters'>;
export type Medium = Extract<Scenario['nodes'][number], { type: 'decision' }>['medium'];
export type Person = Scenario['people'][number];

/** The ids of the people a medium involves: the one it comes from first, then those it goes to, each once. */
export function peopleIn(medium: Medium): string[] {
  const ids = [medium.from, ...('to' in medium ? medium.to : []), ...('lines' in medium ? (medium.lines ?? []).map((l) => l.by) : [])];
  return [...new Set(ids)];
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
 * The money at these meter values: received is the money meter's value times its amount;
 * outstanding is what is left of the `owed` steps. A meter missing from `meters` counts as 0.
 */
export function moneyAt(scenario: AnyScenario, meters: Meters): MoneyInView {
  const { meter, amount, owed, currency } = scenario.money;
  const paid = meters[meter] ?? 0;
  return { received: paid * amount, outstanding: Math.max(0, owed - paid) * amount, currency };
}

/** The meters the money in view counts: the money meter. */
export function moneyMeters(scenario: Pick<Scenario, 'money'>): string[] {
  return [scenario.money.meter];
}

/**
 * The date of a day of the story from the scenario's `calendarStart` (YYYY-MM-DD), which is
 * day 1. Emails are dated with it. At noon UTC: written out in UTC, it is that date.
 */
export function dateOfDay(calendarStart: string, day: number): Date {
  return new Date(Date.parse(calendarStart) + (day - 0.5) * 86_400_000);
}
