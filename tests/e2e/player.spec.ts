import type { Page } from '@playwright/test';
import { outcome, storyAgainstGrade } from '../../src/engine/scoring.ts';
import { markedPath } from '../../src/engine/paths.ts';
import { replay } from '../../src/engine/run.ts';
import { debriefPath } from '../../src/engine/debrief.ts';
import { findChoice, findNode } from '../../src/engine/graph.ts';
import type { ScenarioContent } from '../../src/engine/schema.ts';
import type { Step } from '../../src/engine/types.ts';
import type { Locale } from '../../src/engine/locales.ts';
import { locales } from '../../src/engine/locales.ts';
import { choiceLabel, fill, scenarios, shortestPathsToEndings, shortestPathsToNodes, ui } from './course-data.ts';
import { nestedQuotes, signed, splitParagraphs } from '../../src/i18n/typography.ts';
import { textFor } from '../../src/engine/texts.ts';
import { expect, focusedAfterFrames, holdBack, ScenarioPlayer, test, traceWhile, waitForIsland } from './fixtures.ts';
import { forcedLayouts } from '../../src/cli/trace-layouts.ts';
import { gaugeMeters } from '../../src/engine/moment.ts';

for (const locale of locales) {
  test.describe(() => {
    test.use({ lang: locale });
    for (const scenario of scenarios) {
      for (const [ending, steps] of shortestPathsToEndings(scenario)) {
        test(`${locale}: ${scenario.id} reaches “${ending}” by its shortest path, with the engine's scores`, async ({ page, player }) => {
          const expected = outcome(scenario, steps)!;
          await player.open(scenario.id);
          await player.play(scenario, steps);
          const stage = page.locator('.outcome');
          await expect(stage.getByRole('heading', { level: 3 })).toHaveText(expected.ending.title[locale]);
          const grade = fill(ui[locale]['player.gradeIs'], { grade: ui[locale][`grade.${expected.grade}`] });
          await expect(stage.locator('.grade')).toHaveText(grade);
          // The outcome's heading takes focus; the live line announces the grade.
          await expect(page.locator('.player [aria-live="polite"]')).toHaveText(grade);
          await expectScores(page, scenario, steps, locale);
          await expectDebrief(page, scenario, steps, locale);
        });
      }
    }
  });
}

/** The outcome's overall and each principle against its reference, as the engine scores these decisions. */
async function expectScores(page: Page, scenario: ScenarioContent, steps: Step[], locale: Locale) {
  const expected = outcome(scenario, steps)!;
  const stage = page.locator('.outcome');
  await expect(stage.locator('.scores .overall dd')).toHaveText(fill(ui[locale]['player.overallValue'], { score: expected.overall }));
  for (const p of expected.principles) {
    const row = stage.locator('.scores > div').filter({ hasText: ui[locale][`principle.${p.principle}` as 'principle.warn-first'] });
    // Points against the reference, the noun agreeing with it; a principle below zero counts as 0,
    // with what it lost beyond what it earned.
    const shown =
      p.earned < 0
        ? fill(ui[locale]['player.scoreBelowZero'], { max: p.max, cost: -p.earned, count: p.max }, locale)
        : fill(ui[locale]['player.scoreOf'], { earned: p.counted, max: p.max, count: p.max }, locale);
    await expect(row.locator('dd')).toHaveText(shown);
  }
}

type ContentChoice = Extract<ScenarioContent['nodes'][number], { type: 'decision' }>['choices'][number];
/** A choice as authored, every language in it. */
const choiceIn = (scenario: ScenarioContent, node: string, choice: string) => findChoice(findNode(scenario, node), choice) as ContentChoice;

/**
 * The outcome's grade against the ending's tone and the debrief about the learner's own path, as
 * the engine computes them for these decisions: what the page must say.
 */
async function expectDebrief(page: Page, scenario: ScenarioContent, steps: Step[], locale: Locale) {
  const t = ui[locale];
  const result = outcome(scenario, steps)!;
  const debrief = debriefPath(scenario, steps);
  const stage = page.locator('.outcome');
  const title = (id: string) => findNode(scenario, id)!.title[locale];
  // A label quoted inside a sentence loses its closing full stop: the sentence has its own.
  const label = (step: Step) => choiceIn(scenario, step.node, step.choice).label[locale].replace(/\.$/, '');
  const story = storyAgainstGrade(result.ending.tone, result.grade);
  if (story === 'same') await expect(stage.locator('.story-note')).toHaveCount(0);
  else await expect(stage.locator('.story-note')).toHaveText(t[`player.story.${story}`]);
  // The bands are stated, from the engine's constant.
  await expect(stage).toContainText(fill(t['player.band'], { grade: t['grade.best'], from: 90, to: 100 }));
  const left = debrief.recommended.partedAt;
  await expect(stage).toContainText(
    left === null
      ? t['player.sameAsRecommended']
      : fill(t['player.leftRecommended'], {
          n: left + 1,
          moment: title(debrief.recommended.partedNode!),
          mine: label(steps[left]!),
          theirs: label(debrief.recommended.steps[left]!),
        }),
  );
  // Each principle lists the moments that lost most on it, each moment once, with its points on
  // every principle it lost on and the stronger choice's why.
  for (const group of debrief.byPrinciple) {
    const heading = stage.getByRole('heading', {
      level: 5,
      name: fill(t['player.strongerOn'], { principle: t[`principle.${group.principle}` as 'principle.warn-first'] }),
    });
    if (group.moments.length === 0) {
      await expect(heading).toHaveCount(0);
      continue;
    }
    const items = heading.locator('xpath=following-sibling::ul[1]/li');
    await expect(items).toHaveCount(group.moments.length);
    for (const [i, m] of group.moments.entries()) {
      const stronger = choiceIn(scenario, m.node, m.stronger);
      await expect(items.nth(i)).toContainText(stronger.why[locale]);
      for (const p of m.principles)
        await expect(items.nth(i)).toContainText(
          fill(
            t['player.weakerOn'],
            { principle: t[`principle.${p.principle}` as 'principle.warn-first'], mine: signed(p.mine), stronger: signed(p.stronger) },
            locale,
          ),
        );
      // The label sits in quotation marks, so its own quotations take the inner marks.
      const quoted = nestedQuotes(stronger.label[locale]);
      await expect(items.nth(i)).toContainText(quoted.replace(/\.$/, ''));
      if (quoted.endsWith('.')) await expect(items.nth(i)).not.toContainText(`${quoted}${locale === 'ru' ? '»' : '”'}`);
    }
  }
  const near = stage.getByRole('heading', { level: 5, name: t['player.nearMisses'] });
  if (debrief.nearMisses.length === 0) await expect(near).toHaveCount(0);
  else await expect(near.locator('xpath=following-sibling::ul[1]/li')).toHaveCount(debrief.nearMisses.length);
}

for (const locale of locales) {
  test.describe(() => {
    test.use({ lang: locale });
    for (const scenario of scenarios) {
      test(`${locale}: ${scenario.id}'s real case reads as effective but risky: a mixed grade, a good ending, and the page says so`, async ({
        page,
        player,
      }) => {
        const steps = markedPath(scenario, 'real');
        const result = outcome(scenario, steps)!;
        await player.open(scenario.id);
        await player.play(scenario, steps);
        await expect(page.locator('.outcome .grade')).toHaveText(
          fill(ui[locale]['player.gradeIs'], { grade: ui[locale][`grade.${result.grade}`] }),
        );
        await expect(page.locator('.outcome .story-note')).toHaveText(ui[locale]['player.story.better']);
        // The contractor's real case is the path every report is checked on (see course-data.ts).
        await expectScores(page, scenario, steps, locale);
        await expectDebrief(page, scenario, steps, locale);
      });
    }
  });
}

for (const locale of locales) {
  test.describe(() => {
    test.use({ lang: locale });
    for (const scenario of scenarios) {
      test(`${locale}: before ${scenario.id}'s first choice the page says what its meters show and that each choice is scored on the three principles`, async ({
        page,
        player,
      }) => {
        await player.open(scenario.id);
        const intro = page.locator('main p', { hasText: fill(ui[locale]['scenario.intro'], {}).split('{meters}')[0]! });
        await expect(intro).toBeVisible();
        // Above the meters it explains, so it is read first.
        expect(
          await intro.evaluate(
            (p) => !!(p.compareDocumentPosition(document.querySelector('.player-meters')!) & Node.DOCUMENT_POSITION_FOLLOWING),
          ),
        ).toBe(true);
        const lower = (text: string) => text.toLocaleLowerCase(locale);
        for (const m of gaugeMeters(scenario)) await expect(intro).toContainText(lower(m.label[locale]));
        // Each principle named as the feedback names it (in quotes, in Russian).
        await expect(intro.locator('strong')).toHaveText(
          scenario.principles.map((id) =>
            fill(ui[locale]['scenario.introName'], { name: lower(ui[locale][`principle.${id}` as keyof (typeof ui)['en']] as string) }),
          ),
        );
        // And the grade comes from those scores, not from the panel.
        await expect(intro).toContainText(ui[locale]['scenario.intro'].split('{principles}')[1]!.trim());
      });
    }
  });
}

test('after a choice the player shows what happened first, then the why and the points, without a click', async ({ page, player }) => {
  const scenario = scenarios.find((s) => s.id === 'contractor')!;
  const [first] = markedPath(scenario, 'recommended');
  const choice = choiceIn(scenario, first!.node, first!.choice);
  await player.open(scenario.id);
  await page.getByRole('button', { name: choiceLabel(scenario, first!, 'en'), exact: true }).click();
  const feedback = page.locator('.feedback');
  const why = feedback.locator('.why');
  await expect(why).toBeVisible();
  await expect(why).toContainText(choice.why.en);
  for (const [principle, change] of Object.entries(choice.points))
    await expect(why).toContainText(
      fill(ui.en['player.pointsChange'], {
        principle: ui.en[`principle.${principle}` as 'principle.warn-first'],
        change: change > 0 ? `+${change}` : `−${-change}`,
      }),
    );
  // What happened (the reaction, the meters) comes before the why in the reading order.
  const order = await feedback.evaluate((el) =>
    [...el.querySelectorAll('.feedback-choice, .changes, .why')].map((e) =>
      e.classList.contains('why') ? 'why' : e.closest('.why') ? 'points' : e.className,
    ),
  );
  expect(order.indexOf('changes')).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('why')).toBeGreaterThan(order.indexOf('changes'));
  expect(order[0]).toBe('feedback-choice');
});

/**
 * How many of the map's elements matching `selector` are drawn (not `display: none`). Not
 * Playwright's `:visible`: a straight vertical edge has a box zero pixels wide, drawn or not.
 */
const drawn = (page: Page, selector: string) =>
  page
    .locator('#scenario-map')
    .evaluate((map, sel) => [...map.querySelectorAll(sel)].filter((el) => getComputedStyle(el).display !== 'none').length, selector);

test('a run in progress resumes after a reload where the learner was, and the map shows only what was visited', async ({
  page,
  player,
}) => {
  const scenario = scenarios.find((s) => s.id === 'contractor')!;
  const steps = markedPath(scenario, 'real').slice(0, 2);
  await player.open(scenario.id);
  await player.play(scenario, steps.slice(0, 1));
  await player.choose(scenario, steps[1]!);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: ui.en['player.resumed'] })).toBeVisible();
  // Reloaded at a feedback: back at what the last choice did, then on to the next decision.
  await expect(page.locator('.feedback-choice')).toHaveText(choiceLabel(scenario, steps[1]!, 'en'));
  await page.getByRole('button', { name: ui.en['player.continue'] }).click();
  await expect(page.getByText(fill(ui.en['player.step'], { n: 3 }), { exact: true })).toBeVisible();
  // Reloaded after Continue: at the next decision, not at the feedback the learner had left.
  await page.reload();
  await waitForIsland(page, 'player');
  await expect(page.getByText(fill(ui.en['player.step'], { n: 3 }), { exact: true })).toBeVisible();
  await expect(page.locator('.feedback-choice')).toHaveCount(0);
  await player.openMap();
  await expect(page.locator('#scenario-map .map-node:visible')).toHaveCount(3);
  // The steps are on the real case's path, and the learner is not told so mid-run: only their own
  // path is drawn, as the legend (one entry, "Your path") says.
  await expect(page.locator('#scenario-map .map-toggles input:visible')).toHaveCount(1);
  await expect.poll(() => drawn(page, '.map-edge .overlay.mine')).toBe(2);
  // The marked paths' lines and labels are in the map, so that none being drawn says something.
  const marked = '.map-edge .overlay.real, .map-edge .overlay.recommended';
  expect(await page.locator('#scenario-map').locator(marked).count()).toBeGreaterThan(0);
  expect(await drawn(page, marked)).toBe(0);
  await expect(page.locator('#scenario-map .mark-real, #scenario-map .mark-recommended').first()).toBeAttached();
  await expect(page.locator('#scenario-map .mark-real:visible, #scenario-map .mark-recommended:visible')).toHaveCount(0);
});

for (const [where, island] of [
  ['the scenario page', 'player'],
  ['the embed frame', 'embed'],
] as const) {
  test(`a finished run reloaded in ${where} reopens at its ending, with Play again, not at the last choice’s feedback`, async ({
    page,
    player,
  }) => {
    const scenario = scenarios.find((s) => s.id === 'contractor')!;
    const steps = markedPath(scenario, 'recommended');
    await player.open(scenario.id, island);
    await player.play(scenario, steps);
    await expect(page.locator('.outcome')).toBeVisible();
    await page.reload();
    await waitForIsland(page, island);
    const ending = outcome(scenario, steps)!.ending.title.en;
    await expect(page.locator('.outcome').getByRole('heading', { level: 3 })).toHaveText(ending);
    await expect(page.getByRole('button', { name: ui.en['player.playAgain'] })).toBeVisible();
    await expect(page.locator('.feedback-choice')).toHaveCount(0);
    // The scenario page fetches the endings' texts on opening at one: they fill the ending in.
    await expectEndingTexts(page, scenario, steps);
  });
}

/** The ending's text and debrief as they read on this path (English), on screen. */
async function expectEndingTexts(page: Page, scenario: ScenarioContent, steps: Step[]) {
  const result = outcome(scenario, steps)!;
  const meters = result.meterHistory.at(-1)!;
  for (const text of [result.ending.text, result.ending.debrief])
    await expect(page.locator('.outcome')).toContainText(splitParagraphs(textFor(text, meters).en)[0]!.replace(/\s+/g, ' '));
}

test('the scenario page asks for the endings’ texts, the outcome’s strings and the other side’s moments only with the choice that ends the run, and shows them there', async ({
  page,
  player,
}) => {
  const scenario = scenarios.find((s) => s.id === 'client')!;
  const steps = markedPath(scenario, 'real');
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/endings.json')) asked.push(request.url());
  });
  await player.open(scenario.id);
  await player.play(scenario, steps.slice(0, -1));
  expect(asked).toEqual([]);
  await player.play(scenario, steps.slice(-1));
  await expectEndingTexts(page, scenario, steps);
  expect(asked).toHaveLength(1);
  // The outcome's strings came with them: the debrief's heading reads as written.
  await expect(player.outcome.getByRole('heading', { name: ui.en['player.debrief'], exact: true })).toBeVisible();
  // The other side's view of each linked moment on the path, closed, named for this side's moment.
  const linked = steps.filter((s) => (findNode(scenario, s.node) as { counterpart?: unknown }).counterpart);
  expect(linked.length).toBeGreaterThan(0);
  const shown = page.locator('.outcome details.counterpart');
  await expect(shown).toHaveCount(linked.length);
  await expect(shown.first().locator('summary')).toHaveText(
    fill(ui.en['player.meanwhileAt'], { moment: (findNode(scenario, linked[0]!.node)!.title as { en: string }).en }),
  );
  await shown.first().locator('summary').click();
  // It names the other scenario and says its "you" is the other side, so the learner does not take it as said to them.
  const other = scenarios.find((s) => s.id !== scenario.id)!;
  await expect(shown.first().locator('summary + p')).toHaveText(fill(ui.en['counterpart.from'], { scenario: other.title.en }));
  await expect(shown.first().locator('.moment, p').first()).toBeVisible();
});

test('when the endings’ texts cannot load, the ending says so, offers to try again or play again, and a retry shows the outcome', async ({
  page,
  player,
}) => {
  let offline = true;
  await page.route('**/en/scenarios/client/endings.json', (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  const scenario = scenarios.find((s) => s.id === 'client')!;
  const steps = markedPath(scenario, 'recommended');
  await player.open(scenario.id);
  await player.play(scenario, steps);
  await expect(page.getByRole('alert')).toHaveText(ui.en['island.failed']);
  // The grade and the ending's title, what went wrong, and a way on: no strings' keys in their place.
  await expect(player.outcome.getByRole('heading', { level: 3 })).toHaveText(replay(scenario, steps)!.node.title.en);
  await expect(player.outcome.getByRole('status')).toHaveText(ui.en['player.outcomeFailed']);
  await expect(player.outcome.getByRole('button', { name: ui.en['player.playAgain'] })).toBeVisible();
  await expect(player.outcome).not.toContainText('player.');
  offline = false;
  await player.outcome.getByRole('button', { name: ui.en['player.outcomeRetry'] }).click();
  await expect(player.outcome.getByRole('heading', { level: 4, name: ui.en['player.debrief'], exact: true })).toBeVisible();
  await expect(player.outcome.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(page.getByRole('alert')).toBeHidden();
});

test('an outcome that arrives after the learner has moved focus on leaves focus where they put it', async ({ page, player }) => {
  const scenario = scenarios.find((s) => s.id === 'client')!;
  const steps = markedPath(scenario, 'real');
  const release = await holdBack(page, '**/en/scenarios/client/endings.json');
  await player.open(scenario.id);
  await player.play(scenario, steps);
  await expect(player.outcome.getByRole('status')).toHaveText(ui.en['player.outcomeLoading']);
  const back = page.getByRole('button', { name: ui.en['player.back'] });
  await back.focus();
  release();
  await expect(player.outcome.getByRole('heading', { level: 4, name: ui.en['player.debrief'], exact: true })).toBeVisible();
  await expect(back).toBeFocused();
});

for (const locale of locales)
  test(`${locale}: an ending reached before its outcome has loaded shows its title, then the outcome, with focus on the title throughout`, async ({
    page,
  }) => {
    const scenario = scenarios.find((s) => s.id === 'contractor')!;
    const steps = markedPath(scenario, 'recommended');
    const t = ui[locale];
    // The endings' file is held back until the learner has moved on from the last feedback.
    const release = await holdBack(page, `**/${locale}/scenarios/contractor/endings.json`);
    const player = await new ScenarioPlayer(page, locale).open(scenario.id);
    await player.play(scenario, steps);
    const title = (replay(scenario, steps)!.node.title as Record<string, string>)[locale]!;
    await expect(player.outcome.getByRole('status')).toHaveText(t['player.outcomeLoading']);
    await expect(player.outcome.getByRole('heading', { level: 3, name: title })).toBeFocused();
    release();
    await expect(player.outcome.getByRole('heading', { level: 4, name: t['player.debrief'], exact: true })).toBeVisible();
    await expect(player.outcome.getByRole('heading', { level: 3, name: title })).toBeFocused();
    await expect(player.outcome.getByRole('status')).toHaveCount(0);
  });

for (const locale of locales) {
  test.describe(() => {
    test.use({ lang: locale });
    test(`${locale}: a choice and its Continue, made from the keyboard, move focus to each new heading without forcing a layout`, async ({
      page,
      player,
    }) => {
      const [scenario] = scenarios;
      const first = [...shortestPathsToEndings(scenario!).values()][0]![0]!;
      await player.open(scenario!.id);
      await page.locator(`[data-choice="${first.choice}"]`).focus();
      // While the trace runs, the test reads no geometry (Playwright's locators would): it presses
      // keys, and waits for two frames before it asks what has focus, which reads nothing either.
      const events = await traceWhile(page, async () => {
        await page.keyboard.press('Enter');
        expect(await focusedAfterFrames(page, '.feedback h3')).toBe(true);
        // From the feedback's heading, the next stop is Continue.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        expect(await focusedAfterFrames(page, '.decision h3')).toBe(true);
        // One layout forced on purpose, after the steps, by a page's timer (as a page's script
        // would): what the check below must find, and only it.
        const forcedOnPurpose = await page.evaluate(
          () =>
            new Promise<number>((done) =>
              setTimeout(() => {
                document.body.append(document.createElement('p'));
                done(document.body.offsetHeight);
              }),
            ),
        );
        expect(forcedOnPurpose).toBeGreaterThan(0);
      });
      const next = replay(scenario!, [first])!.node;
      await expect(page.locator('.decision h3')).toHaveText(next.title[locale]);
      await expect(page.locator('.decision h3')).toBeFocused();
      // The frames laid the new views out (the trace saw them), and no script but the one above made a layout sooner.
      expect(events.filter((e) => e.name === 'Layout' && e.ph === 'X').length).toBeGreaterThanOrEqual(3);
      expect(forcedLayouts(events)).toHaveLength(1);
    });
  });
}

for (const locale of locales) {
  for (const scenario of scenarios) {
    test(`${locale}: ${scenario.id} on a phone, after a reload on the feedback, every choice and every Continue land on the new heading in view, not under the sticky meters`, async ({
      phone,
    }) => {
      // The longest of the shortest ways to an ending: the most steps to check.
      const steps = [...shortestPathsToEndings(scenario).values()].reduce((a, b) => (b.length > a.length ? b : a));
      const player = await new ScenarioPlayer(phone, locale).open(scenario.id);
      await player.play(scenario, steps.slice(0, 1));
      await player.choose(scenario, steps[1]!);
      await phone.reload();
      await waitForIsland(phone, 'player');
      for (const step of steps.slice(2)) {
        await continueFromBottom(player);
        await expectHeadingUncovered(phone, phone.locator('.decision h3'));
        await player.choose(scenario, step);
        // The strip above may have grown with the feedback (money on its way wraps to more lines).
        await expectHeadingUncovered(phone, phone.locator('.feedback h3'));
      }
      await continueFromBottom(player);
      await expectHeadingUncovered(phone, phone.locator('.outcome h3'));
      // At the ending the meters are its final state, read above the outcome: they do not follow the reader down the debrief.
      await expect(player.meters).toBeInViewport();
      await phone.locator('.outcome').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await expect(player.meters).not.toBeInViewport();
    });
  }
}

for (const locale of locales) {
  test(`${locale}: on a phone, the feedback of a choice whose money is on its way (the strip grows) lands with its heading in view, not under the sticky meters`, async ({
    phone,
  }) => {
    const scenario = scenarios.find((s) => s.id === 'client')!;
    const ways = shortestPathsToNodes(scenario);
    const delayed = scenario.nodes.flatMap((n) =>
      n.type === 'decision' ? n.choices.filter((c) => c.arrivesAfter !== undefined).map((c) => ({ node: n.id, choice: c.id })) : [],
    );
    expect(delayed.length).toBeGreaterThan(0);
    for (const step of delayed) {
      const player = await new ScenarioPlayer(phone, locale).open(scenario.id);
      await player.play(scenario, ways.get(step.node)!);
      await player.choose(scenario, step);
      await expectHeadingUncovered(phone, phone.locator('.feedback h3'));
      await phone.evaluate(() => localStorage.clear());
    }
  });
}

/** Presses Continue the way a reader reaches it: scrolled down until it shows at the bottom of the screen. */
async function continueFromBottom(player: ScenarioPlayer) {
  const button = player.continueButton;
  await button.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await button.click();
}

/**
 * The heading has focus, its view opens at the top of the screen just below the sticky meters
 * (unless the page has no more to scroll), and nothing (those meters) is drawn over any part of it.
 */
async function expectHeadingUncovered(page: Page, heading: ReturnType<Page['locator']>) {
  await expect(heading).toBeFocused();
  // Focus scrolls it into view in the frame that draws the view; wait until the page holds still all the same.
  await expect(async () => {
    const before = await page.evaluate(() => scrollY);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await page.evaluate(() => scrollY)).toBe(before);
  }).toPass();
  const covered = await heading.evaluate((el) => {
    const box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) return `off screen: ${box.top}–${box.bottom} of ${innerHeight}`;
    const points = [box.left + 2, box.left + box.width / 2, box.right - 2].flatMap((x) => [
      [x, box.top + 2],
      [x, box.bottom - 2],
    ]);
    const hit = points.map(([x, y]) => document.elementFromPoint(x!, y!)).find((at) => !at || !el.contains(at));
    if (hit !== undefined) return `covered by ${hit?.className || hit?.tagName}`;
    // Its view (a decision with its step number, an outcome with its grade) opens just below the
    // meters (the page's scroll-padding-top), not in the middle of the screen, unless the page
    // has no more to scroll.
    const top = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const view = el.parentElement!.getBoundingClientRect().top;
    const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
    return atEnd || Math.abs(view - top) <= 2 ? '' : `opens ${Math.round(view)} px down, not at ${top}`;
  });
  expect(covered).toBe('');
}

test('the map is downloaded only when the learner opens it, and then shows where they are, with focus on its heading', async ({
  phone: page,
}) => {
  const player = new ScenarioPlayer(page, 'en');
  const scenario = scenarios.find((s) => s.id === 'client')!;
  const [step] = markedPath(scenario, 'recommended');
  const maps: string[] = [];
  page.on('request', (request) => request.url().endsWith('/map/') && maps.push(request.url()));
  // A phone's screen, where the map's heading comes on screen right under the choices.
  await player.open(scenario.id);
  await player.play(scenario, [step!]);
  await page.locator('#scenario-map').scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  expect(maps).toEqual([]);
  await player.openMap();
  // On a phone the map is its list: the two moments reached so far.
  await expect(page.locator('#scenario-map .map-text > ol > li:visible')).toHaveCount(2);
  expect(maps).toEqual([new URL(`/en/scenarios/${scenario.id}/map/`, page.url()).href]);
});

test('out of sight the map is left alone while the learner plays, and shows where they are once it comes back', async ({ phone: page }) => {
  const player = new ScenarioPlayer(page, 'en');
  const scenario = scenarios.find((s) => s.id === 'client')!;
  const [step] = markedPath(scenario, 'recommended');
  await player.open(scenario.id);
  await player.openMap();
  await expect(page.locator('#scenario-map .map-text > ol > li:visible')).toHaveCount(1);
  // Room between the player and the map, so the map stays out of sight wherever a step scrolls
  // the page (each new view opens at the top of the screen).
  await page.evaluate(() =>
    document.getElementById('scenario-map')!.before(Object.assign(document.createElement('div'), { style: 'height:3000px' })),
  );
  await page.evaluate(() => scrollTo(0, 0));
  // The map's own observer has seen it leave the screen once two frames have gone by.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate(() => {
    const changed: string[] = [];
    (window as unknown as { mapChanges: string[] }).mapChanges = changed;
    new MutationObserver((records) => changed.push(...records.map((r) => r.type))).observe(document.getElementById('scenario-map')!, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
  });
  // Clicked where they are, without scrolling the page down to the map as a pointer would.
  await page.getByRole('button', { name: choiceLabel(scenario, step!, 'en'), exact: true }).dispatchEvent('click');
  await page.getByRole('button', { name: ui.en['player.continue'] }).dispatchEvent('click');
  await expect(page.getByText(fill(ui.en['player.step'], { n: 2 }), { exact: true })).toBeVisible();
  // The map would be painted in the browser's next idle time: wait for two of them.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
  expect(await page.evaluate(() => (window as unknown as { mapChanges: string[] }).mapChanges)).toEqual([]);
  await page.locator('#scenario-map').scrollIntoViewIfNeeded();
  await expect(page.locator('#scenario-map .map-text > ol > li:visible')).toHaveCount(2);
});

test('undo takes back one decision, and start over asks first', async ({ page, player }) => {
  const scenario = scenarios.find((s) => s.id === 'client')!;
  const [first] = markedPath(scenario, 'recommended');
  await player.open(scenario.id);
  await player.play(scenario, [first!]);
  await page.getByRole('button', { name: ui.en['player.back'] }).click();
  await expect(page.getByRole('button', { name: choiceLabel(scenario, first!, 'en'), exact: true })).toBeVisible();
  await player.play(scenario, [first!]);
  await page.getByRole('button', { name: ui.en['player.restart'] }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(ui.en['player.restartConfirm']);
  await dialog.getByRole('button', { name: ui.en['player.cancel'] }).click();
  await expect(page.getByText(fill(ui.en['player.step'], { n: 2 }), { exact: true })).toBeVisible();
  await page.getByRole('button', { name: ui.en['player.restart'] }).click();
  await page.getByRole('dialog').getByRole('button', { name: ui.en['player.restart'] }).click();
  await expect(page.getByText(fill(ui.en['player.step'], { n: 1 }), { exact: true })).toBeVisible();
});

for (const [locale, page, file] of [
  ['en', 'facilitate/contractor/', 'facilitate/contractor/console.json'],
  ['en', 'facilitate/contractor/screen/', 'facilitate/contractor/screen.json'],
] as const) {
  test(`${locale}: when /${page}'s props (${file}) cannot load, the page says so instead of silently not responding`, async ({
    page: tab,
  }) => {
    await tab.route(`**/${locale}/${file}`, (route) => route.abort('internetdisconnected'));
    await tab.goto(`/${locale}/${page}`);
    await expect(tab.getByRole('alert')).toHaveText(ui[locale]['island.failed']);
    await expect(tab.locator('[data-island]')).not.toHaveAttribute('data-hydrated', 'true');
  });
}

test('the island failure notice stays hidden when the props load', async ({ page, player }) => {
  await player.open('client');
  await expect(page.locator('[data-island="player"]')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.locator('[data-island-failed]')).toBeHidden();
});

for (const mark of ['recommended', 'real'] as const) {
  test(`after an ending (the ${mark} path) the map opens on a desktop at the start of the learner’s path, not in the middle of the map`, async ({
    page,
    player,
  }) => {
    const scenario = scenarios.find((s) => s.id === 'contractor')!;
    const steps = markedPath(scenario, mark);
    await page.setViewportSize({ width: 1280, height: 800 });
    await player.open(scenario.id);
    await player.play(scenario, steps);
    await expect(page.locator('.outcome')).toBeVisible();
    await player.openMap();
    await expect(page.locator('#scenario-map')).toHaveAttribute('data-state', 'done');
    const ending = outcome(scenario, steps)!.ending.id;
    await expect(page.locator(`#scenario-map g[data-node="${ending}"]`)).toHaveClass(/visited/);
    // The map scrolls after the frame that painted the ending; then the start's box lies inside
    // the scroller's visible part.
    const startInView = () =>
      page.locator('#scenario-map').evaluate((map, start) => {
        const view = map.querySelector('.map-scroll')!.getBoundingClientRect();
        const box = map.querySelector(`g[data-node="${start}"] rect`)!.getBoundingClientRect();
        return box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom;
      }, scenario.start);
    await expect.poll(startInView).toBe(true);
    // A drawing wider than its box says that it scrolls sideways, whose scrollbar may be off screen.
    const overflows = await page.locator('#scenario-map .map-scroll').evaluate((box) => box.scrollWidth > box.clientWidth);
    await expect(page.locator('#scenario-map').getByText(ui.en['map.scrollHint'])).toBeVisible({ visible: overflows });
    // Now the marked paths show, as the legend offers them.
    expect(await drawn(page, `.map-edge .overlay.${mark}`)).toBe(steps.length);
  });
}

test('a choice repaints on the map only what it changes, and the drawing keeps its size', async ({ page, player }) => {
  const scenario = scenarios.find((s) => s.id === 'contractor')!;
  const [step] = markedPath(scenario, 'recommended');
  const next = replay(scenario, [step!])!.node.id;
  await page.setViewportSize({ width: 1280, height: 2400 });
  await player.open(scenario.id);
  await player.openMap();
  await expect(page.locator('#scenario-map .map-node:visible')).toHaveCount(1);
  await page.evaluate(() => {
    const changed: string[] = [];
    (window as unknown as { mapChanges: string[] }).mapChanges = changed;
    const name = (el: Element) =>
      ['node', 'edge', 'step'].map((k) => el.getAttribute(`data-${k}`) && `${k} ${el.getAttribute(`data-${k}`)}`).find(Boolean) ??
      `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''}`;
    new MutationObserver((records) => {
      for (const r of records) changed.push(`${name(r.target as Element)} ${r.attributeName}`);
    }).observe(document.getElementById('scenario-map')!, { subtree: true, attributes: true, childList: true });
  });
  await player.play(scenario, [step!]);
  await expect(page.locator('#scenario-map .map-node:visible')).toHaveCount(2);
  const changes = await page.evaluate(() => (window as unknown as { mapChanges: string[] }).mapChanges);
  // The new moment's box and its line in the text version, the edge to it, the choice taken;
  // and the scroller's height, which follows the visited part. Nothing else, least of all the drawing's size.
  expect(changes.sort()).toEqual(
    [
      `node ${next} class`,
      `node ${next} class`,
      `edge ${step!.node}>${next} class`,
      `step ${step!.node}/${step!.choice} class`,
      'div.map-scroll style',
    ].sort(),
  );
});
