// What a trainer and a learner see around a decision: the other side offered on the feedback,
// the live panel staying on the moment the room discusses, and the money on its way.
import { expect, test } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { findNode } from '../../src/engine/graph.ts';
import { replay } from '../../src/engine/run.ts';
import { decisionAt, fill, plural, scenarios, ui } from './course-data.ts';
import { openConsole, openConsoleAndScreen } from './play.ts';
import { openPhone, phoneBrowser, startLive } from './live.ts';

const client = scenarios.find((s) => s.id === 'client')!;

test('after the vote the console offers the other side on the feedback, the screen shows it, and Continue brings the room back', async ({
  page,
}) => {
  // The first moment of the client's recommended path that links to the developer's side.
  const steps = markedPath(client, 'recommended');
  const at = steps.findIndex((s) => decisionAt(client, s.node).counterpart);
  expect(at).toBeGreaterThanOrEqual(0);
  const link = decisionAt(client, steps[at]!.node).counterpart!;
  const other = findNode(scenarios.find((s) => s.id === link.scenario)!, link.node)!;
  const screen = await openConsoleAndScreen(page, 'en', 'client');
  const go = async (i: number) => {
    const index = decisionAt(client, steps[i]!.node).choices.findIndex((c) => c.id === steps[i]!.choice) + 1;
    await page.getByRole('button', { name: fill(ui.en['workshop.goWith'], { n: index }) }).click();
  };
  for (let i = 0; i < at; i++) {
    await go(i);
    await page.getByRole('button', { name: ui.en['player.continue'] }).click();
  }
  await go(at);
  // On the feedback, beside Continue, where the trainer is once the room has decided.
  const show = page.locator('.feedback').getByRole('button', { name: fill(ui.en['workshop.showCounterpart'], { moment: other.title.en }) });
  await show.click();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(other.title.en);
  await expect(screen.locator('.screen-kicker')).toHaveText(ui.en['player.meanwhile']);
  await page.locator('.feedback').getByRole('button', { name: ui.en['workshop.hideCounterpart'] }).click();
  await expect(screen.locator('.screen-kicker')).toHaveText(ui.en['player.feedback']);
  // Shown again, then Continue: the screen follows the room to the next moment, not the other side.
  await show.click();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(other.title.en);
  await page.getByRole('button', { name: ui.en['player.continue'] }).click();
  expect(steps.length).toBeGreaterThan(at + 1);
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(decisionAt(client, steps[at + 1]!.node).title.en);
  await expect(screen.locator('.screen-kicker', { hasText: ui.en['player.meanwhile'] })).toHaveCount(0);
});

test('with phones voting, the live panel stays on the moment the room discusses until Continue, as the phones do', async ({ page }) => {
  const contractor = scenarios.find((s) => s.id === 'contractor')!;
  const start = decisionAt(contractor, contractor.start);
  await openConsole(page);
  const { join } = await startLive(page);
  const phones = await phoneBrowser();
  try {
    const phone = await openPhone(phones, join);
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
  } finally {
    await phones.close();
  }
});
