// Two tabs of the course in one browser, each kind of saved progress changed in both, the
// actions interleaved: every tab follows the other's saves, and a change made from an older
// state merges or is refused with a word, never silently replacing newer progress.
import type { BrowserContext, Page } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { outcome } from '../../src/engine/scoring.ts';
import { findNode } from '../../src/engine/graph.ts';
import { embedRunKey, progressKey, workshopsKey } from '../../src/browser/storage-keys.ts';
import { choiceLabel, decisionAt, fill, plural, scenarios, ui } from './course-data.ts';
import { expect, ScenarioPlayer, test, waitForIsland } from './fixtures.ts';

const contractor = scenarios.find((s) => s.id === 'contractor')!;
const recommended = markedPath(contractor, 'recommended');
const real = markedPath(contractor, 'real');

/**
 * A tab that can be made deaf to the other tab's saves (its storage events stopped before the
 * page hears them), as a tab is between another tab's save and the event that reports it.
 */
async function openTab(context: BrowserContext): Promise<Page & { deaf(on: boolean): Promise<void> }> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener(
      'storage',
      (event) => {
        if ((window as unknown as { deaf?: boolean }).deaf) event.stopImmediatePropagation();
      },
      true,
    );
  });
  return Object.assign(page, {
    deaf: (on: boolean) =>
      page.evaluate((value) => {
        (window as unknown as { deaf?: boolean }).deaf = value;
      }, on),
  });
}

const savedProgress = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), progressKey) as Promise<{
    lessons: Record<string, { read?: boolean; answers?: Record<string, number>; reflections?: Record<string, string> }>;
    scenarios: Record<
      string,
      { run?: { steps: [string, string][] }; best?: { overall: number; ending: string }; last?: { ending: string } }
    >;
  }>;
const pairs = (steps: typeof recommended) => steps.map((s) => [s.node, s.choice]);

/**
 * Tab a makes the fourth recommended choice while tab b, deaf to it, makes another choice at the
 * same moment from its stale copy; `savedSteps` reads the run as saved.
 */
async function staleChoice(
  a: Page,
  b: Page & { deaf(on: boolean): Promise<void> },
  savedSteps: (page: Page) => Promise<[string, string][] | undefined>,
): Promise<void> {
  await b.deaf(true);
  await a.getByRole('button', { name: ui.en['player.continue'] }).click();
  await new ScenarioPlayer(a, 'en').play(contractor, recommended.slice(3, 4));
  // The course saves a choice when its tab is idle: tab b chooses once tab a's choice is saved.
  await expect.poll(() => savedSteps(a)).toEqual(pairs(recommended.slice(0, 4)));
  const node = findNode(contractor, recommended[3]!.node)!;
  const other = node.type === 'decision' ? node.choices.find((c) => c.id !== recommended[3]!.choice)! : undefined;
  await b.getByRole('button', { name: other!.label.en, exact: true }).click();
}

test('a run: each tab follows the other, and a choice from a stale tab does not replace the newer run', async ({ context }) => {
  const a = await openTab(context);
  const b = await openTab(context);
  const playerA = await new ScenarioPlayer(a, 'en').open('contractor');
  const playerB = await new ScenarioPlayer(b, 'en').open('contractor');
  await playerA.play(contractor, recommended.slice(0, 2));
  // Tab b shows where tab a got to, says so, and goes on from there.
  await expect(b.getByText(ui.en['player.moved'])).toBeVisible();
  await b.getByRole('button', { name: ui.en['player.continue'] }).click();
  await playerB.play(contractor, recommended.slice(2, 3));
  await expect.poll(async () => (await savedProgress(a)).scenarios['contractor']!.run!.steps).toEqual(pairs(recommended.slice(0, 3)));
  await expect(a.getByText(ui.en['player.moved'])).toBeVisible();

  // Tab b has not heard of tab a's next choice when it makes one of its own.
  await staleChoice(a, b, async (page) => (await savedProgress(page)).scenarios['contractor']?.run?.steps);
  // The newer run stays saved; tab b shows it instead of its own choice, and says why.
  expect((await savedProgress(a)).scenarios['contractor']!.run!.steps).toEqual(pairs(recommended.slice(0, 4)));
  await expect(b.locator('.feedback-choice')).toHaveText(choiceLabel(contractor, recommended[3]!, 'en'));
  await expect(b.getByText(ui.en['player.moved'])).toBeVisible();
});

test('results: both tabs finish, the best result is kept and the latest is recorded', async ({ context }) => {
  // Two whole runs in two tabs and two visits to the progress page: the longest test here, which a
  // busy machine can take past the default time for one test.
  test.slow();
  const a = await openTab(context);
  const b = await openTab(context);
  const playerA = await new ScenarioPlayer(a, 'en').open('contractor');
  const playerB = await new ScenarioPlayer(b, 'en').open('contractor');
  const [best, worse] = [recommended, real].sort((x, y) => outcome(contractor, y)!.overall - outcome(contractor, x)!.overall);
  await playerA.play(contractor, best!);
  await expect(a.locator('.outcome')).toBeVisible();
  await a.goto('/en/progress/');
  await waitForIsland(a, 'progress');
  const bestScore = fill(ui.en['player.overallValue'], { score: outcome(contractor, best!)!.overall });
  await expect(a.locator('tr.overall')).toContainText(bestScore);
  // Tab b followed the run to its end and shows what tab a showed after that last choice: its
  // feedback, then the same ending. It plays again, another way, to a lesser result.
  await expect(b.locator('.feedback-choice')).toHaveText(choiceLabel(contractor, best!.at(-1)!, 'en'));
  await b.getByRole('button', { name: ui.en['player.continue'] }).click();
  await expect(b.locator('.outcome').getByRole('heading', { level: 3 })).toHaveText(outcome(contractor, best!)!.ending.title.en);
  await b.getByRole('button', { name: ui.en['player.playAgain'] }).click();
  await playerB.play(contractor, worse!);
  await expect(b.locator('.outcome')).toBeVisible();
  const saved = (await savedProgress(a)).scenarios['contractor']!;
  expect(saved.best!.overall).toBe(outcome(contractor, best!)!.overall);
  expect(saved.last!.ending).toBe(outcome(contractor, worse!)!.ending.id);
  await expect(a.locator('tr.overall')).toContainText(bestScore);
});

test('a lesson: answers, reflections and reading add up across tabs; a reflection typed in both keeps both', async ({ context }) => {
  const a = await openTab(context);
  const b = await openTab(context);
  for (const tab of [a, b]) await tab.goto('/ru/lessons/agree-on-terms/');
  await a.locator('[data-question="0"]').getByRole('radio').nth(1).check();
  await expect(b.locator('[data-question="0"]').getByRole('radio').nth(1)).toBeChecked();
  await b.locator('[data-question="1"]').getByRole('radio').nth(0).check();
  await expect(a.locator('[data-question="1"]').getByRole('radio').nth(0)).toBeChecked();
  await a.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await savedProgress(a)).lessons['agree-on-terms']?.read).toBe(true);

  const boxA = a.getByRole('textbox').first();
  const boxB = b.getByRole('textbox').first();
  await boxA.fill('Сначала договориться о сроках');
  await boxA.blur();
  await expect(boxB).toHaveValue('Сначала договориться о сроках');
  // Both tabs change it before hearing of each other.
  await b.deaf(true);
  await boxA.fill('Сроки — письменно');
  await boxA.blur();
  await boxB.fill('Аванс до начала работы');
  await boxB.blur();
  const both = 'Сроки — письменно\n\nАванс до начала работы';
  await expect(boxB).toHaveValue(both);
  await expect(b.getByText(ui.ru['lesson.reflectionMerged'])).toBeVisible();
  await expect(boxA).toHaveValue(both);
  const lesson = (await savedProgress(a)).lessons['agree-on-terms']!;
  expect(lesson).toMatchObject({ read: true, answers: { 0: 1, 1: 0 }, reflections: { 0: both } });
});

test('a workshop session open in two consoles: their votes add up, and a late choice does not undo the room’s', async ({ context }) => {
  const a = await openTab(context);
  await a.goto('/en/facilitate/contractor/');
  await waitForIsland(a, 'console');
  await expect(a).toHaveURL(/[?]session=/);
  const b = await openTab(context);
  await b.goto(a.url());
  await waitForIsland(b, 'console');
  const votesIn = (n: number) => plural(ui.en['workshop.votesIn'], n, 'en');
  await a.getByRole('button', { name: fill(ui.en['workshop.addVote'], { n: 1 }) }).click();
  await expect(b.locator('.tally-total')).toHaveText(votesIn(1));
  // Console b votes before it hears of console a's next vote: both count.
  await b.deaf(true);
  await a.getByRole('button', { name: fill(ui.en['workshop.addVote'], { n: 1 }) }).click();
  await b.getByRole('button', { name: fill(ui.en['workshop.addVote'], { n: 2 }) }).click();
  await expect(b.locator('.tally-total')).toHaveText(votesIn(3));
  await b.deaf(false);
  await expect(a.locator('.tally-total')).toHaveText(votesIn(3));
  // Console a moves the room on; console b, not having heard, goes with another choice: too late.
  await b.deaf(true);
  await a.getByRole('button', { name: ui.en['workshop.goMajority'] }).click();
  await a.getByRole('button', { name: ui.en['player.continue'] }).click();
  await b.getByRole('button', { name: fill(ui.en['workshop.goWith'], { n: 2 }) }).click();
  await b.deaf(false);
  const [one, two] = decisionAt(contractor, contractor.start).choices;
  const session = await a.evaluate(([key, id]) => JSON.parse(localStorage.getItem(key)!).sessions[id], [
    workshopsKey,
    new URL(a.url()).searchParams.get('session')!,
  ] as const);
  expect(session.steps).toEqual([{ node: contractor.start, choice: one!.id }]);
  expect(session.tallies[0]).toEqual({ [one!.id]: 2, [two!.id]: 1 });
  // Console b shows where the room is, not its own late choice.
  await expect(b.locator('#console-heading')).toHaveText((await a.locator('#console-heading').textContent())!);
});

test('an embedded scenario in two tabs: each frame follows the other, and a stale frame’s choice does not replace the newer run', async ({
  context,
}) => {
  const key = embedRunKey('contractor');
  const savedSteps = (page: Page) =>
    page.evaluate((k) => (JSON.parse(localStorage.getItem(k) ?? '{"steps":[]}') as { steps: [string, string][] }).steps, key);
  const a = await openTab(context);
  const b = await openTab(context);
  for (const tab of [a, b]) {
    await tab.goto('/en/embed/contractor/');
    await waitForIsland(tab, 'embed');
  }
  await new ScenarioPlayer(a, 'en').play(contractor, recommended.slice(0, 2));
  // Frame b shows where frame a got to, says so, and goes on from there.
  await expect(b.getByText(ui.en['player.movedCopy'])).toBeVisible();
  await b.getByRole('button', { name: ui.en['player.continue'] }).click();
  await new ScenarioPlayer(b, 'en').play(contractor, recommended.slice(2, 3));
  // Read from tab a: frame b's save reaches the other tab's storage a moment later, as the course's does.
  await expect.poll(() => savedSteps(a)).toEqual(pairs(recommended.slice(0, 3)));

  // Frame b has not heard of frame a's next choice when it makes one of its own.
  await staleChoice(a, b, savedSteps);
  // The newer run stays saved; frame b shows it instead of its own choice.
  expect(await savedSteps(a)).toEqual(pairs(recommended.slice(0, 4)));
  await expect(b.locator('.feedback-choice')).toHaveText(choiceLabel(contractor, recommended[3]!, 'en'));
});

test('a newer version of the course saves in another tab: this tab keeps what it shows, and says why it no longer saves', async ({
  context,
}) => {
  const a = await openTab(context);
  const b = await openTab(context);
  for (const tab of [a, b]) await tab.goto('/en/lessons/agree-on-terms/');
  await a.locator('[data-question="0"]').getByRole('radio').nth(1).check();
  const box = a.getByRole('textbox').first();
  await box.fill('Terms in writing, before the work');
  await box.blur();
  await expect
    .poll(async () => (await savedProgress(a)).lessons['agree-on-terms']?.reflections?.[0])
    .toBe('Terms in writing, before the work');

  const newer = JSON.stringify({ v: 99, lessons: {}, scenarios: {} });
  // Tab a hears of it (after the page's own listeners, added first); what it cannot read does not empty what it shows.
  const heard = a.evaluate(() => new Promise((resolve) => addEventListener('storage', resolve, { once: true })));
  await b.evaluate(([key, v]) => localStorage.setItem(key, v), [progressKey, newer] as const);
  await heard;
  await expect(box).toHaveValue('Terms in writing, before the work');
  await expect(a.locator('[data-question="0"]').getByRole('radio').nth(1)).toBeChecked();
  await box.fill('Terms in writing, before the work starts');
  await box.blur();
  await expect(a.locator('#storage-notice')).toHaveText(ui.en['storage.newer']);
  expect(await a.evaluate((key) => localStorage.getItem(key), progressKey)).toBe(newer);
});
