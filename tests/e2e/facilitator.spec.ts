import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { markedPath } from '../../src/engine/paths.ts';
import { findNode } from '../../src/engine/graph.ts';
import { bindShortWords } from '../../src/engine/localize.ts';
import { choiceLabel, decisionAt, fill, plural, reported, scenarios, ui } from './course-data.ts';
import { workshopsKey } from '../../src/browser/storage-keys.ts';
import { expect, FacilitatorConsole, holdBack, test, waitForIsland } from './fixtures.ts';

const contractor = scenarios.find((s) => s.id === 'contractor')!;

test('votes stay hidden on the screen until Reveal; typed counts and number keys tally them', async ({ page, facilitator }) => {
  await facilitator.open();
  const screen = await facilitator.openScreen();
  const start = decisionAt(contractor, contractor.start);
  await expect(screen.heading).toHaveText(start.title.en);
  await page.keyboard.press('Digit1');
  await page.keyboard.press('Digit1');
  // The number pad's 2 as the top row's, a trainer may tally on either: with Num Lock on it types
  // "2" (sent as the browser sends it); Playwright's own Numpad2 is the key with Num Lock off,
  // ArrowDown, which is no vote.
  await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { code: 'Numpad2', key: '2', bubbles: true })));
  await page.keyboard.press('Numpad2');
  await page.keyboard.press('Shift+Digit1');
  await facilitator.typeVotes(3, 40);
  await expect(facilitator.tallyTotal).toHaveText(plural(ui.en['workshop.votesIn'], 42, 'en'));
  await expect(screen.votes).toHaveText(plural(ui.en['workshop.votesIn'], 42, 'en'));
  await expect(screen.bars).toHaveCount(0);
  await facilitator.reveal();
  await expect(screen.bars).toHaveCount(start.choices.length);
  await expect(screen.bars.nth(2)).toContainText('40');
  // The facilitator's notes are on the console and never on the screen.
  const notes = start.notes.en.slice(0, 30);
  await expect(page.locator('.notes')).toContainText(notes);
  await expect(screen.page.getByText(notes)).toHaveCount(0);
});

test('the console shows each moment in its medium as the projector screen does, with the same people and faces', async ({
  page,
  facilitator,
}) => {
  await facilitator.open();
  const screen = await facilitator.openScreen();
  const [first, second] = markedPath(contractor, 'real');
  const name = (person: string) => contractor.people.find((p) => p.id === person)!.name.en;
  for (const step of [first!, second!]) {
    const { medium } = decisionAt(contractor, step.node);
    const label = fill(ui.en[`moment.${medium.kind}`], {
      from: name(medium.from),
      to: 'to' in medium ? medium.to.map(name).join(', ') : '',
    });
    const onConsole = page.getByRole('article', { name: label, exact: true });
    const onScreen = screen.page.getByRole('article', { name: label, exact: true });
    await expect(onConsole).toBeVisible();
    await expect(onScreen).toBeVisible();
    // One component on both: what a screen reader hears of the moment is the same, face included.
    expect(await onConsole.ariaSnapshot()).toBe(await onScreen.ariaSnapshot());
    await expect(onConsole.getByRole('img')).toHaveAccessibleName(new RegExp(`^${name(medium.from)}, looking `));
    await facilitator.follow(contractor, [step]);
  }
});

test('the timer shows the same time on both views and after a reload', async ({ page, facilitator }) => {
  await facilitator.open();
  const screen = await facilitator.openScreen();
  const resume = page.getByRole('button', { name: ui.en['workshop.resume'] });
  // Nothing to resume until a running timer is paused.
  await expect(resume).toHaveCount(0);
  await page.getByRole('button', { name: plural(ui.en['workshop.minutes'], 2, 'en') }).click();
  await page.getByRole('button', { name: ui.en['workshop.pause'] }).click();
  await expect(resume).toBeVisible();
  const shown = await page.locator('.time').textContent();
  expect(shown).toMatch(/^[12]:\d\d$/);
  await expect(screen.page.locator('.screen-timer')).toHaveText(shown!);
  await facilitator.reload();
  await expect(page.locator('.time')).toHaveText(shown!);
  await screen.reload();
  await expect(screen.page.locator('.screen-timer')).toHaveText(shown!);
});

for (const lang of ['en', 'ru'] as const)
  test.describe(lang, () => {
    test.use({ lang });

    test(`time’s up is announced once, politely, and clears as the room moves on (${lang})`, async ({ page, facilitator }) => {
      const t = ui[lang];
      const oneMinute = page.getByRole('button', { name: plural(t['workshop.minutes'], 1, lang), exact: true });
      const clock = page.getByRole('timer');
      const announced = clock.locator('[aria-live="polite"]');
      await page.clock.install();
      await facilitator.open();
      await oneMinute.click();
      // The region is there, empty, before time runs out: a screen reader announces what fills it in.
      await expect(announced).toHaveText('');
      await expect(clock).not.toHaveAttribute('aria-live');
      await page.clock.fastForward('01:05');
      await expect(announced).toHaveText(t['workshop.timeUp']);
      await expect(clock).toHaveText(t['workshop.timeUp']);
      // Said once: the ticks that follow leave the region as it is.
      await announced.evaluate((region) => {
        const changes = new MutationObserver(() => region.setAttribute('data-changed', ''));
        changes.observe(region, { childList: true, subtree: true, characterData: true });
      });
      await page.clock.fastForward('00:05');
      await expect(announced).not.toHaveAttribute('data-changed');
      const [first, second] = markedPath(contractor, 'real');
      await facilitator.goWithStep(contractor, first!);
      await expect(page.locator('.time')).toHaveText('–:––');
      // Run out again over the feedback, then cleared by Continue.
      await oneMinute.click();
      await page.clock.fastForward('01:05');
      await expect(announced).toHaveText(t['workshop.timeUp']);
      await facilitator.continue();
      await expect(page.getByRole('heading', { level: 2, name: decisionAt(contractor, second!.node).title[lang] })).toBeVisible();
      await expect(page.locator('.time')).toHaveText('–:––');
    });
  });

test('the timer’s controls keep the keyboard’s focus: Pause becomes Resume under it, and Reset stays where it was', async ({
  page,
  facilitator,
}) => {
  await facilitator.open();
  await page.getByRole('button', { name: plural(ui.en['workshop.minutes'], 2, 'en') }).focus();
  await page.keyboard.press('Enter');
  const pause = page.getByRole('button', { name: ui.en['workshop.pause'] });
  await pause.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: ui.en['workshop.resume'] })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(pause).toBeFocused();
  const reset = page.getByRole('button', { name: ui.en['workshop.resetTimer'] });
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.time')).toHaveText('–:––');
  await expect(reset).toBeFocused();
  await expect(reset).toHaveAttribute('aria-disabled', 'true');
});

test('a choice moves both views, the minority can be followed, and both survive reloads', async ({ page, facilitator }) => {
  await facilitator.open();
  const screen = await facilitator.openScreen();
  const [first, second] = markedPath(contractor, 'real');
  await facilitator.addVote(2);
  const node = decisionAt(contractor, first!.node);
  await facilitator.goWithStep(contractor, first!);
  await expect(screen.heading).toHaveText(choiceLabel(contractor, first!, 'en'));
  await facilitator.continue();
  const next = findNode(contractor, second!.node)!;
  await expect(screen.heading).toHaveText(next.title.en);
  await facilitator.reload();
  await expect(page.getByRole('heading', { level: 2, name: next.title.en })).toBeVisible();
  await screen.reload();
  await expect(screen.heading).toHaveText(next.title.en);
  await page.getByRole('button', { name: ui.en['player.back'] }).click();
  await expect(screen.heading).toHaveText(node.title.en);
});

test.describe(() => {
  test.use({ lang: 'ru' });
  test('the exports hold the path and the votes; the spreadsheet comes first and, like the CSV, parses back with Cyrillic intact', async ({
    page,
    facilitator,
  }) => {
    await facilitator.open();
    await facilitator.openScreen();
    await page.getByLabel(ui.ru['workshop.sessionName']).fill('Группа «Б»');
    // The path every report is checked on (see course-data.ts).
    const path = reported.steps;
    for (const step of path) {
      const index = decisionAt(contractor, step.node).choices.findIndex((c) => c.id === step.choice) + 1;
      await facilitator.typeVotes(index, 7);
      await facilitator.majorityButton.click();
      await facilitator.continue();
    }
    await expect(page.locator('.room-path > li')).toHaveCount(path.length);
    // The room went the real case's way: every choice it made is tagged so.
    const tagged = page.locator('.room-path .chosen .path-tag').filter({ hasText: ui.ru['workshop.tagReal'] });
    await expect(tagged).toHaveCount(path.length);
    // The console links to the session's row on the facilitator page, where the files are made.
    await page.getByRole('link', { name: ui.ru['workshop.exportLink'] }).click();
    await waitForIsland(page, 'sessions');
    const row = page.locator('.sessions li.asked');
    await expect(row).toContainText('Группа «Б»');
    const file = async (format: string) => {
      const download = page.waitForEvent('download');
      await row.getByRole('button', { name: fill(ui.ru['workshop.download'], { format }), exact: true }).click();
      return readFileSync(await (await download).path());
    };
    const read = async (format: string) => (await file(format)).toString('utf8');
    // The spreadsheet is the first file offered: it opens in columns in any Excel.
    await expect(row.locator('.session-actions button').first()).toHaveAccessibleName(
      fill(ui.ru['workshop.download'], { format: 'Excel' }),
    );
    const book = new ExcelJS.Workbook();
    const xlsx = await file('Excel');
    await book.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength));
    const sheet = book.worksheets[0]!;
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(cells(1)).toEqual(['Решение', 'Момент', 'Вариант', 'Голоса', 'Выбран']);
    const chosenRows = sheet.getSheetValues().flatMap((r) => (Array.isArray(r) && r[5] === 'да' ? [r.slice(1)] : []));
    expect(chosenRows).toEqual(
      // As the course shows Russian: one-letter words bound to the next (engine/localize.ts).
      path.map((step, i) => [
        i + 1,
        bindShortWords(findNode(contractor, step.node)!.title.ru),
        bindShortWords(choiceLabel(contractor, step, 'ru')),
        7,
        'да',
      ]),
    );
    const md = await read('Markdown');
    expect(md).toContain('# Группа «Б»');
    expect(md).toContain(bindShortWords(contractor.nodes.find((n) => n.id === contractor.start)!.title.ru));
    // The room's outcome, on the spreadsheet's second sheet: the engine's numbers for the path.
    const expected = reported.outcome;
    const t = (key: string) => (ui.ru as Record<string, unknown>)[key] as string;
    const outcomeRows = [
      [t('workshop.csv.item'), t('workshop.csv.value'), t('workshop.csv.earned'), t('workshop.csv.max')],
      [t('workshop.csv.ending'), bindShortWords(expected.ending.title.ru), '', ''],
      [t('workshop.csv.tone'), t(`tone.${expected.ending.tone}`), '', ''],
      [t('workshop.csv.grade'), t(`grade.${expected.grade}`), '', ''],
      [t('player.overall'), expected.overall, '', 100],
      ...expected.principles.map((p) => [t(`principle.${p.principle}`), p.counted, p.earned, p.max]),
    ];
    const scores = book.worksheets[1]!;
    expect(scores.name).toBe(t('workshop.outcome'));
    const scoreRows = scores.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
    expect(scoreRows).toEqual(outcomeRows.map((r) => r.map((v) => (v === '' ? undefined : v))));
    const json = JSON.parse(await read('JSON'));
    expect(json.steps).toEqual(path);
    expect(json.outcome).toMatchObject({
      ending: expected.ending.id,
      tone: expected.ending.tone,
      grade: expected.grade,
      overall: expected.overall,
      principles: expected.principles,
    });
    const csv = await read('CSV');
    // A byte-order mark first, so a spreadsheet opens the Cyrillic as UTF-8.
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // Read by a CSV parser (fast-csv, inside ExcelJS), every field kept as the text it is.
    const table = await new ExcelJS.Workbook().csv.read(Readable.from([csv.slice(1)]), { map: (value: unknown) => value });
    const rows = table
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual(['Решение', 'Момент', 'Вариант', 'Голоса', 'Выбран']);
    expect(rows.filter((row) => row[4] === 'да')).toEqual(
      path.map((step, i) => [
        String(i + 1),
        bindShortWords(findNode(contractor, step.node)!.title.ru),
        bindShortWords(choiceLabel(contractor, step, 'ru')),
        '7',
        'да',
      ]),
    );
    // One table, the votes: no blank line, no second table (the outcome is on the spreadsheet's second sheet and in the JSON).
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).not.toContain('');
    expect(rows.length).toBe(lines.length - 1);
    expect(rows.some((row) => row[0] === t('workshop.csv.item'))).toBe(false);
  });
});

for (const locale of ['en', 'ru'] as const) {
  test.describe(() => {
    test.use({ lang: locale });
    test(`axe finds nothing on the console and the screen (${locale})`, async ({ page, facilitator }) => {
      await facilitator.open();
      const screen = await facilitator.openScreen();
      await page.keyboard.press('Digit1');
      await expect(page).toPassAxe({ state: 'console' });
      await expect(screen.page).toPassAxe({ state: 'screen' });
    });
  });
}

test('a session link that cannot be resumed starts a new session and says why, in both cases', async ({ page }) => {
  const stale = {
    v: 1,
    id: 'stale-1',
    scenario: 'contractor',
    name: 'Before the edit',
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T11:00:00.000Z',
    steps: [{ node: contractor.start, choice: 'a-choice-since-removed' }],
    tallies: [{}, {}],
    revealed: false,
    feedback: false,
    counterpart: false,
    timer: {},
    muted: false,
  };
  await page.addInitScript(
    ([key, saved]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ v: 1, sessions: { [saved.id]: saved } }));
    },
    [workshopsKey, stale] as const,
  );
  const start = findNode(contractor, contractor.start)!;
  for (const [id, message, locale] of [
    ['stale-1', 'workshop.sessionChanged', 'ru'],
    ['never-saved-here', 'workshop.sessionMissing', 'en'],
  ] as const) {
    await new FacilitatorConsole(page, locale).open('contractor', { session: id });
    await expect(page.getByRole('status').filter({ hasText: ui[locale][message] })).toBeVisible();
    await expect(page.locator('#console-heading')).toHaveText(start.title[locale]);
    await expect(page).not.toHaveURL(new RegExp(`session=${id}`));
  }
  // The stale session is still listed, to export.
  await page.goto('/en/facilitate/');
  await waitForIsland(page, 'sessions');
  await expect(page.getByText('Before the edit')).toBeVisible();
});

test('a count typed below zero gives way to the count kept, and Start over by keyboard leaves focus on the first step’s heading', async ({
  page,
  facilitator,
}) => {
  await facilitator.open();
  await facilitator.typeVotes(1, 4);
  await facilitator.typeVotes(1, -3);
  await expect(facilitator.votesFor(1)).toHaveValue('4');
  await expect(facilitator.tallyTotal).toHaveText(plural(ui.en['workshop.votesIn'], 4, 'en'));
  await facilitator.goWith(1);
  await page.getByRole('button', { name: ui.en['player.continue'] }).click();
  // Start over, by keyboard: its dialog opens on Cancel; the restart disables the button that opened it.
  await page.getByRole('button', { name: ui.en['player.restart'] }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const first = decisionAt(contractor, contractor.start);
  await expect(page.getByRole('heading', { name: first.title.en })).toBeFocused();
});

test('a tie at the top has no majority: the facilitator picks one of the leaders', async ({ page, facilitator }) => {
  await facilitator.open();
  const { majorityButton } = facilitator;
  await page.keyboard.press('Digit1');
  await page.keyboard.press('Digit2');
  await expect(majorityButton).toBeDisabled();
  await expect(page.getByText(ui.en['workshop.tied'])).toBeVisible();
  // The disabled button says why, to a screen reader as well.
  await expect(majorityButton).toHaveAccessibleDescription(ui.en['workshop.tied']);
  await page.keyboard.press('Digit2');
  await expect(majorityButton).toBeEnabled();
  await expect(page.getByText(ui.en['workshop.tied'])).toBeHidden();
});

test('a screen opened from the console before its script has run follows the session the console then opens', async ({ page }) => {
  // A slow venue network: the console's script arrives after the facilitator has opened the screen.
  const release = await holdBack(page, '**/_astro/**/*.js');
  await page.goto('/en/facilitate/contractor/', { waitUntil: 'commit' });
  const popup = page.waitForEvent('popup');
  await page.getByRole('link', { name: ui.en['workshop.openScreen'] }).click();
  const screen = await popup;
  release();
  await waitForIsland(page, 'console');
  await waitForIsland(screen, 'screen');
  await page.bringToFront();
  const start = decisionAt(contractor, contractor.start);
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(start.title.en);
  // The console's session is now the screen's, in its address too (a reload keeps it).
  const session = new URL(page.url()).searchParams.get('session');
  expect(session).toMatch(/\w/);
  await expect.poll(() => new URL(screen.url()).searchParams.get('session')).toBe(session);
  // It follows the console from then on.
  await page.keyboard.press('Digit1');
  await expect(screen.getByText(plural(ui.en['workshop.votesIn'], 1, 'en'))).toBeVisible();
});

test('the projector screen, which has no theme button, follows the one switched on the console', async ({ page, facilitator }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await facilitator.open();
  const screen = await facilitator.openScreen();
  await screen.page.emulateMedia({ colorScheme: 'light' });
  const root = screen.page.locator('html');
  await page.getByRole('button', { name: ui.en['theme.toDark'] }).click();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(root).toHaveCSS('color-scheme', 'dark');
  await page.getByRole('button', { name: ui.en['theme.toDark'] }).click();
  await expect(root).toHaveAttribute('data-theme', 'light');
  // A cleared storage (no key in its event) brings back the system's theme, as a reload would.
  await page.evaluate(() => localStorage.clear());
  await expect(root).toHaveAttribute('data-theme', '');
});

test('a screen opened mid-session never shows the rendered first decision: its columns wait for the console’s state', async ({
  page,
  browser,
  facilitator,
}) => {
  await facilitator.open();
  const [first, second] = markedPath(contractor, 'real');
  const node = decisionAt(contractor, first!.node);
  await facilitator.follow(contractor, [first!]);
  const next = findNode(contractor, second!.node)!;
  const screen = await page.context().newPage();
  // Hold the screen's script, as a slow projector laptop would.
  const release = await holdBack(screen, '**/_astro/**/*.js');
  // The held script holds back the page's load event: wait only for the rendered page.
  await screen.goto(`/en/facilitate/contractor/screen/${new URL(page.url()).search}`, { waitUntil: 'commit' });
  await expect(screen.locator('.screen-side')).toBeAttached();
  await expect(screen.getByText(node.title.en)).toBeHidden();
  await expect(screen.locator('.screen-side')).toBeHidden();
  release();
  await waitForIsland(screen, 'screen');
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(next.title.en);
  await expect(screen.locator('.screen-side')).toBeVisible();
  // Without scripts the screen cannot follow anyone, and shows the page as rendered.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await plain.newPage();
  await noScript.goto('/en/facilitate/contractor/screen/');
  await expect(noScript.locator('.screen-side')).toBeVisible();
  await plain.close();
  // A script that never arrives leaves the page as rendered too, a few seconds on, never blank.
  const broken = await page.context().newPage();
  await broken.route('**/_astro/**/*.js', (route) => route.abort());
  await broken.goto('/en/facilitate/contractor/screen/', { waitUntil: 'commit' });
  await expect(broken.locator('.screen-side')).toBeVisible({ timeout: 10_000 });
});

test('the console’s “other side” button names the moment the screen then shows, the other scenario’s', async ({ page, facilitator }) => {
  const client = scenarios.find((s) => s.id === 'client')!;
  // The first moment of the client's recommended path that links to the developer's side.
  const steps = markedPath(client, 'recommended');
  const at = steps.findIndex((s) => decisionAt(client, s.node).counterpart);
  expect(at).toBeGreaterThanOrEqual(0);
  const link = decisionAt(client, steps[at]!.node).counterpart!;
  const other = findNode(scenarios.find((s) => s.id === link.scenario)!, link.node)!;
  expect(other.title.en).not.toBe(decisionAt(client, steps[at]!.node).title.en);
  await facilitator.open('client');
  const screen = await facilitator.openScreen();
  await facilitator.follow(client, steps.slice(0, at));
  await page.getByRole('button', { name: fill(ui.en['workshop.showCounterpart'], { moment: other.title.en }) }).click();
  await expect(screen.heading).toHaveText(other.title.en);
});

test('after Continue by keyboard the new moment’s heading is in view, uncovered, with the step above it', async ({ page, facilitator }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await facilitator.open();
  await facilitator.goWith(1);
  // Read through the consequence first, as a facilitator does: Continue is far down the page.
  const next = page.getByRole('button', { name: ui.en['player.continue'] });
  await next.focus();
  // Scrolled so that the new moment's first lines come just under the top of the window: where
  // they sat under the stuck meters, in view for focus(), which then did not scroll.
  await page.evaluate(() => {
    const stage = document.querySelector('.console-stage')!;
    const meters = stage.querySelector<HTMLElement>('.player-meters')!;
    scrollTo(0, stage.getBoundingClientRect().top + scrollY + meters.offsetHeight - 5);
  });
  await page.keyboard.press('Enter');
  const heading = page.locator('#console-heading');
  await expect(heading).toBeFocused();
  // Nothing drawn over the heading, nor over the step line above it (the meters used to stick there).
  const covered = await page.evaluate(() => {
    const h = document.querySelector('#console-heading')!;
    const step = h.previousElementSibling;
    return [h, step].flatMap((el) => {
      if (!el) return [];
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
      return hit && el.contains(hit) ? [] : [`${el.tagName}: ${hit?.className ?? 'nothing'}`];
    });
  });
  expect(covered).toEqual([]);
});
