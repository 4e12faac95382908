// What a trainer and a learner see around a decision: the other side offered on the feedback,
// the live panel staying on the moment the room discusses, the money on its way, and payments beyond what was owed.
import { locales } from '../../src/engine/locales.ts';
import { findNode, holds, isDecision } from '../../src/engine/graph.ts';
import { moneyAt } from '../../src/engine/moment.ts';
import { moneyFormat } from '../../src/course/moment-views.ts';
import { replay } from '../../src/engine/run.ts';
import { decisionAt, fill, plural, scenarios, shortestPathsToNodes, ui } from './course-data.ts';
import { expect, test } from './fixtures.ts';

test('after the vote the console offers the other side on the feedback, the screen shows it, and Continue brings the room back', async ({
  page,
  facilitator,
}) => {
  // A moment that links to the other side, reached by its shortest road, with a decision after its first choice.
  const found = scenarios
    .flatMap((scenario) =>
      [...shortestPathsToNodes(scenario)].flatMap(([id, road]) => {
        const node = findNode(scenario, id);
        if (!isDecision(node) || !node.counterpart) return [];
        const steps = [...road, { node: id, choice: node.choices[0]!.id }];
        const next = replay(scenario, steps)!.node;
        return isDecision(next) ? [{ scenario, steps, at: road.length, next }] : [];
      }),
    )
    .at(0);
  expect(found, 'a moment with a counterpart and a decision after it').toBeDefined();
  const { scenario, steps, at, next } = found!;
  const link = decisionAt(scenario, steps[at]!.node).counterpart!;
  const other = findNode(scenarios.find((s) => s.id === link.scenario)!, link.node)!;
  await facilitator.open(scenario.id);
  const screen = (await facilitator.openScreen()).page;
  await facilitator.follow(scenario, steps.slice(0, at));
  await facilitator.goWithStep(scenario, steps[at]!);
  // On the feedback, under Continue, where the trainer is once the room has decided.
  await expect(page.getByRole('heading', { name: ui.en['player.feedback'] })).toBeVisible();
  const show = page
    .locator('.console-stage')
    .getByRole('button', { name: fill(ui.en['workshop.showCounterpart'], { moment: other.title.en }) });
  await show.click();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(other.title.en);
  await expect(screen.locator('.screen-kicker')).toHaveText(ui.en['player.meanwhile']);
  await page.locator('.console-stage').getByRole('button', { name: ui.en['workshop.hideCounterpart'] }).click();
  await expect(screen.locator('.screen-kicker')).toHaveText(ui.en['player.feedback']);
  // Shown again, then Continue: the screen follows the room to the next moment, not the other side.
  await show.click();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(other.title.en);
  await facilitator.continue();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(next.title.en);
  await expect(screen.locator('.screen-kicker', { hasText: ui.en['player.meanwhile'] })).toHaveCount(0);
});

test('with phones voting, the live panel stays on the moment the room discusses until Continue, as the phones do', async ({
  page,
  facilitator,
  phones,
}) => {
  const contractor = scenarios.find((s) => s.id === 'contractor')!;
  const start = decisionAt(contractor, contractor.start);
  await facilitator.open();
  const { join } = await facilitator.startLive();
  {
    const phone = await phones.join(join);
    await phone.getByRole('button', { name: start.choices[1]!.label.en, exact: true }).click();
    await expect(phone.locator('#join-vote')).toHaveText(ui.en['join.received']);
    const rows = page.locator('.from-phones li');
    await expect(rows).toHaveCount(start.choices.length);
    await expect(rows.nth(1)).toHaveText(plural(ui.en['live.fromPhones'], 1, 'en'));
    await page.getByRole('button', { name: fill(ui.en['workshop.goWith'], { n: 2 }) }).click();
    // The feedback: the console and the phones show the consequence; no votes of the next moment yet.
    await expect(page.getByRole('heading', { name: ui.en['player.feedback'] })).toBeVisible();
    await expect(phone.locator('#join-consequence')).toBeVisible();
    await expect(rows).toHaveCount(0);
    await page.getByRole('button', { name: ui.en['player.continue'] }).click();
    // The next moment, on both: its choices, none voted for yet.
    const next = decisionAt(contractor, replay(contractor, [{ node: start.id, choice: start.choices[1]!.id }])!.node.id);
    await expect(rows).toHaveCount(next.choices.length);
    for (const row of await rows.all()) await expect(row).toHaveText(plural(ui.en['live.fromPhones'], 0, 'en'));
    await expect(phone.locator('#join-consequence')).toBeHidden();
    await expect(phone.locator('#join-moment')).toHaveText(next.title.en);
  }
});

/**
 * The first choice, reached by the shortest road, whose money arrives days later (`arrivesAfter`)
 * where the strip shows money, with the engine's meters before and after it.
 */
const onItsWay = (() => {
  for (const scenario of scenarios)
    for (const [id, steps] of shortestPathsToNodes(scenario)) {
      const node = findNode(scenario, id);
      if (!isDecision(node)) continue;
      for (const choice of node.choices) {
        if (!choice.arrivesAfter) continue;
        const step = { node: id, choice: choice.id };
        const before = replay(scenario, steps)!;
        const after = replay(scenario, [...steps, step])!;
        const { shownWhen } = scenario.money;
        const moved = JSON.stringify(moneyAt(scenario, before.meters)) !== JSON.stringify(moneyAt(scenario, after.meters));
        if (moved && (shownWhen === undefined || holds(shownWhen, after.meters)))
          return { scenario, steps, step, day: node.day, by: node.day + choice.arrivesAfter, before, after };
      }
    }
  return undefined;
})();

for (const locale of locales) {
  test.describe(() => {
    test.use({ lang: locale });
    test(`${locale}: money on its way shows on the feedback as it was, with the day it is expected, and as received from the next moment`, async ({
      page,
      player,
    }) => {
      expect(onItsWay, 'a choice whose money arrives days later (arrivesAfter)').toBeDefined();
      const { scenario, steps, step, day, by, before, after } = onItsWay!;
      const amount = moneyFormat(scenario.money.currency, locale);
      const money = (meters: Record<string, number>) => {
        const at = moneyAt(scenario, meters);
        return fill(
          ui[locale][`moment.money.${scenario.perspective}`],
          { received: amount.format(at.received), outstanding: amount.format(at.outstanding) },
          locale,
        );
      };
      await player.open(scenario.id);
      await player.play(scenario, steps);
      await player.choose(scenario, step);
      const strip = page.locator('.story-strip');
      await expect(strip).toHaveText(fill(ui[locale]['player.due'], { day, money: money(before.meters), by }, locale));
      // The changes under the feedback agree: money is said as the sum it will come to, with the
      // day it is expected; the other meters as they moved.
      const each: Record<string, number> = { [scenario.money.meter]: scenario.money.amount };
      if (scenario.money.extra) each[scenario.money.extra.meter] = scenario.money.extra.amount;
      const changes = scenario.meters
        .filter((m) => !m.hidden && before.meters[m.id] !== after.meters[m.id])
        .map((m) => {
          const [from, to] = [before.meters[m.id]!, after.meters[m.id]!];
          const sum = each[m.id];
          return sum === undefined
            ? fill(ui[locale]['player.meterChange'], { meter: m.label[locale], from, to }, locale)
            : fill(
                ui[locale]['player.meterChangeBy'],
                { meter: m.label[locale], from: amount.format(from * sum), to: amount.format(to * sum), by },
                locale,
              );
        });
      expect(
        Object.keys(each).some((id) => before.meters[id] !== after.meters[id]),
        'a money meter moved',
      ).toBe(true);
      await expect(page.locator('.feedback > .changes li')).toHaveText(changes);
      await page.getByRole('button', { name: ui[locale]['player.continue'] }).click();
      await expect(strip).toHaveText(fill(ui[locale]['player.strip'], { day: after.node.day, money: money(after.meters) }, locale));
    });
  });
}

/**
 * The first choice, reached by the shortest road, that pays money beyond what was owed (the
 * scenario's `money.extra` meter: a new invoice, a deposit) the same day, where the strip shows money.
 */
const paidBeyond = (() => {
  for (const scenario of scenarios) {
    const { extra, shownWhen } = scenario.money;
    if (!extra) continue;
    for (const [id, steps] of shortestPathsToNodes(scenario)) {
      const node = findNode(scenario, id);
      if (!isDecision(node)) continue;
      for (const choice of node.choices) {
        if (choice.arrivesAfter) continue;
        const step = { node: id, choice: choice.id };
        const before = replay(scenario, steps)!;
        const after = replay(scenario, [...steps, step])!;
        if (after.meters[extra.meter] !== before.meters[extra.meter] && (shownWhen === undefined || holds(shownWhen, after.meters)))
          return { scenario, steps, step, day: node.day, before, after, extra };
      }
    }
  }
  return undefined;
})();

for (const locale of locales) {
  test.describe(() => {
    test.use({ lang: locale });
    test(`${locale}: a payment beyond what was owed counts as received on the strip, never as outstanding, and the changes say it in money`, async ({
      page,
      player,
    }) => {
      expect(paidBeyond, 'a choice that pays beyond what was owed (money.extra)').toBeDefined();
      const { scenario, steps, step, day, before, after, extra } = paidBeyond!;
      const amount = moneyFormat(scenario.money.currency, locale);
      const atBefore = moneyAt(scenario, before.meters);
      const atAfter = moneyAt(scenario, after.meters);
      // The engine's sums: more received, no less outstanding.
      expect(atAfter.received).toBeGreaterThan(atBefore.received);
      expect(atAfter.outstanding).toBe(atBefore.outstanding);
      await player.open(scenario.id);
      await player.play(scenario, steps);
      await player.choose(scenario, step);
      await expect(page.locator('.story-strip')).toHaveText(
        fill(
          ui[locale]['player.strip'],
          {
            day,
            money: fill(
              ui[locale][`moment.money.${scenario.perspective}`],
              { received: amount.format(atAfter.received), outstanding: amount.format(atAfter.outstanding) },
              locale,
            ),
          },
          locale,
        ),
      );
      const label = scenario.meters.find((m) => m.id === extra.meter)!.label[locale];
      const sum = (value: number) => amount.format(value * extra.amount);
      await expect(page.locator('.feedback .changes li', { hasText: label })).toHaveText(
        fill(
          ui[locale]['player.meterChange'],
          { meter: label, from: sum(before.meters[extra.meter]!), to: sum(after.meters[extra.meter]!) },
          locale,
        ),
      );
    });
  });
}
