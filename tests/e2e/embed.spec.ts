import { markedPath } from '../../src/engine/paths.ts';
import { outcome } from '../../src/engine/scoring.ts';
import { findNode } from '../../src/engine/graph.ts';
import { choiceLabel, fill, reported, scenarios, ui } from './course-data.ts';
import { courseOrigin } from './origin.ts';
import { startServer } from '../../src/cli/serve.ts';
import { expect, holdBack, ScenarioPlayer, test } from './fixtures.ts';

// The host page (the `embedHost` fixture) lives on 127.0.0.1 while the course is on localhost: two different sites.
const course = courseOrigin;
const client = scenarios.find((s) => s.id === 'client')!;

test('two widgets from another site size themselves at every step and report their own events', async ({ page, embedHost }) => {
  await embedHost.open(page, '/two');
  const a = await embedHost.frame(page, 'a');
  const b = await embedHost.frame(page, 'b');
  await embedHost.expectFitted(page, 'a', a);
  // Chrome does not render a cross-origin frame out of view: the second widget sizes itself
  // when the reader scrolls to it.
  await page.locator('#b').scrollIntoViewIfNeeded();
  await embedHost.expectFitted(page, 'b', b);
  await page.locator('#a').scrollIntoViewIfNeeded();
  const steps = markedPath(client, 'recommended');
  const player = new ScenarioPlayer(a, 'en');
  for (const step of steps) {
    await player.choose(client, step);
    await embedHost.expectFitted(page, 'a', a);
    await player.continue();
    await embedHost.expectFitted(page, 'a', a);
  }
  const expected = outcome(client, steps)!;
  await expect.poll(async () => (await embedHost.events(page)).filter((e) => e.type === 'complete').length).toBe(1);
  const events = await embedHost.events(page);
  const fromA = events.filter((e) => e.id === 'a');
  expect(fromA.filter((e) => e.type === 'ready')).toHaveLength(1);
  // "remember" is asked for by default, and reported only if the frame can store: browsers that
  // block storage in third-party frames (this test's Chromium does) get false, and are told so.
  const frameCanStore = await a.evaluate(() => {
    try {
      return typeof localStorage.length === 'number';
    } catch (error) {
      return !(error instanceof DOMException);
    }
  });
  expect(fromA.find((e) => e.type === 'settings')?.detail).toMatchObject({ undo: false, remember: frameCanStore, hideScore: false });
  const choices = fromA.filter((e) => e.type === 'choice').map((e) => e.detail);
  expect(choices.map((c) => ({ node: c['node'], choice: c['choice'] }))).toEqual(steps.map((s) => ({ ...s })));
  const firstNode = findNode(client, steps[0]!.node)!;
  const firstChoice = firstNode.type === 'decision' ? firstNode.choices.find((c) => c.id === steps[0]!.choice)! : undefined;
  expect(choices[0]!['points']).toEqual(firstChoice!.points);
  expect(fromA.find((e) => e.type === 'complete')?.detail).toMatchObject({
    ending: expected.ending.id,
    tone: expected.ending.tone,
    grade: expected.grade,
    overall: expected.overall,
    principles: expected.principles.map(({ principle, earned, counted, max }) => ({ principle, earned, counted, max })),
  });
  const instances = new Set(events.map((e) => e.detail['instance']));
  expect(instances.size).toBe(2);
  expect(events.filter((e) => e.id === 'b' && e.type === 'choice')).toHaveLength(0);
  expect(events.find((e) => e.id === 'b' && e.type === 'settings')?.detail).toMatchObject({ undo: true });
});

test('on a phone, “Start over?” opens where the reader is in a widget as tall as its scenario, in both languages', async ({
  page,
  embedHost,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await embedHost.open(page, '/two');
  for (const [id, lang, scenario] of [
    ['a', 'en', client],
    ['b', 'ru', scenarios.find((s) => s.id === 'contractor')!],
  ] as const) {
    const frame = await embedHost.frame(page, id);
    const player = new ScenarioPlayer(frame, lang);
    const steps = markedPath(scenario, 'recommended');
    await player.choose(scenario, steps[0]!);
    await player.continue();
    const restart = frame.locator('.player-controls').getByRole('button', { name: ui[lang]['player.restart'] });
    await restart.scrollIntoViewIfNeeded();
    await restart.click();
    const dialog = frame.getByRole('dialog', { name: ui[lang]['player.restartConfirm'] });
    await expect(dialog).toBeVisible();
    // The frame is the scenario's whole height, far taller than the phone: centred in the frame,
    // the dialog would open a screen or more away from the button just pressed.
    const frameTop = await page.locator(`#${id} iframe`).evaluate((el) => el.getBoundingClientRect().top);
    const box = await dialog.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(frameTop + box.top).toBeGreaterThanOrEqual(0);
    expect(frameTop + box.bottom).toBeLessThanOrEqual(844);
    await dialog.getByRole('button', { name: ui[lang]['player.cancel'] }).click();
    await expect(dialog).toBeHidden();
  }
});

test('the complete event carries the engine’s numbers for the reported path: ending and tone, grade, overall, each principle against its reference', async ({
  page,
  embedHost,
}) => {
  await embedHost.open(page, '/report');
  const a = await embedHost.frame(page, 'a');
  await new ScenarioPlayer(a, 'en').play(reported.scenario, reported.steps);
  const expected = reported.outcome;
  await expect.poll(async () => (await embedHost.events(page)).filter((e) => e.type === 'complete').length).toBe(1);
  expect((await embedHost.events(page)).find((e) => e.type === 'complete')?.detail).toEqual({
    instance: expect.any(String),
    ending: expected.ending.id,
    tone: expected.ending.tone,
    grade: expected.grade,
    overall: expected.overall,
    principles: expected.principles.map(({ principle, earned, counted, max }) => ({ principle, earned, counted, max })),
  });
});

test('messages forged by another window or origin are ignored', async ({ page, embedHost }) => {
  await embedHost.open(page, '/two');
  await embedHost.frame(page, 'a');
  // The host hears its widgets (so that hearing nothing forged says something).
  await expect.poll(async () => (await embedHost.events(page)).some((e) => e.type === 'ready')).toBe(true);
  await page.evaluate(() => {
    // Well-formed messages of the current version: only where they come from gives them away.
    const forged = {
      ns: 'checks-in-the-mail',
      v: 2,
      type: 'complete',
      instance: 'x',
      data: { ending: 'forged', tone: 'thriving', grade: 'best', overall: 100, principles: [] },
    };
    window.postMessage(forged, '*');
    const other = document.createElement('iframe');
    document.body.append(other);
    other.contentWindow!.parent.postMessage(forged, '*');
    window.postMessage({ ns: 'checks-in-the-mail', v: 2, type: 'resize', data: { height: 5 } }, '*');
  });
  await page.waitForTimeout(300);
  const events = await embedHost.events(page);
  expect(events.filter((e) => e.type === 'complete')).toEqual([]);
  expect(await page.locator('#a iframe').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(100);
});

test('a frame sandboxed without allow-same-origin plays to an ending and its events reach the host', async ({
  page,
  embedHost,
  pageErrors,
}) => {
  await embedHost.open(page, '/sandboxed');
  const a = await embedHost.frame(page, 'a');
  expect(await a.evaluate(() => origin)).toBe('null');
  const steps = markedPath(client, 'real');
  await new ScenarioPlayer(a, 'en').play(client, steps);
  await expect
    .poll(async () => (await embedHost.events(page)).find((e) => e.type === 'complete')?.detail['ending'])
    .toBe(outcome(client, steps)!.ending.id);
  await embedHost.expectFitted(page, 'a', a);
  // A frame with no storage says so: it cannot remember the run.
  expect((await embedHost.events(page)).find((e) => e.type === 'settings')?.detail).toMatchObject({ remember: false });
  expect(pageErrors).toEqual([]);
});

test('a choice clicked in a frame before its player has started answers at once; the live player makes it and tells the host', async ({
  page,
  embedHost,
}) => {
  // The frame's code is a file of its own, fetched beside the frame's page: hold it back, as a slow connection does.
  const release = await holdBack(page, '**/_astro/embed-frame.*.js');
  const scenario = reported.scenario;
  const [first] = markedPath(scenario, 'recommended');
  await embedHost.open(page, '/report');
  const frame = page.frameLocator('#a iframe');
  await new ScenarioPlayer(frame, 'en').choose(scenario, first!);
  await expect(frame.locator('.feedback-choice')).toHaveText(choiceLabel(scenario, first!, 'en'));
  await expect(frame.locator('[data-island="embed"]')).not.toHaveAttribute('data-hydrated', 'true');
  // Before the frame has read its host's options, the consequence shows no points (the host may
  // hide them) and no Undo (nothing could act on it yet).
  await expect(frame.locator('[data-early-view] .why .changes')).toHaveCount(0);
  await expect(frame.getByRole('button', { name: ui.en['player.back'] })).toHaveCount(0);
  release();
  await expect(frame.locator('[data-island="embed"]')).toHaveAttribute('data-hydrated', 'true');
  await expect(frame.locator('[data-early-view]')).toHaveCount(0);
  await expect(frame.locator('.feedback-choice')).toHaveText(choiceLabel(scenario, first!, 'en'));
  // The live player shows the points, which this host does not hide.
  await expect(frame.locator('.why .changes')).toBeVisible();
  await expect
    .poll(async () => (await embedHost.events(page)).filter((e) => e.type === 'choice').map((e) => e.detail['choice']))
    .toEqual([first!.choice]);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the loader also works as a classic deferred script', async ({ page, embedHost, pageErrors }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await embedHost.open(page, '/classic');
  const a = await embedHost.frame(page, 'a');
  await expect(a.getByRole('heading', { level: 3 })).toBeVisible();
  await embedHost.expectFitted(page, 'a', a);
  await expect.poll(async () => (await embedHost.events(page)).some((e) => e.type === 'ready')).toBe(true);
  // An unknown scenario is refused in place, naming the ones that exist, and frames nothing...
  await expect(page.locator('#wrong')).toContainText('"contractor"');
  await expect(page.locator('#wrong iframe')).toHaveCount(0);
  // ...but where the snippet holds a link, readers keep it and the reason goes to the console.
  await expect(page.locator('#wrong-linked').getByRole('link', { name: 'Read the course' })).toBeVisible();
  await expect(page.locator('#wrong-linked')).not.toContainText('"contractor"');
  await expect(page.locator('#wrong-linked iframe')).toHaveCount(0);
  expect(errors.some((e) => e.includes('"nope"'))).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('embed frames may be framed by any site; other pages only by the course', async ({ request }) => {
  expect((await request.get(`${course}/en/embed/client/`)).headers()['content-security-policy']).toBe('frame-ancestors *');
  expect((await request.get(`${course}/en/scenarios/client/`)).headers()['content-security-policy']).toBe("frame-ancestors 'self'");
  const frame = await request.get(`${course}/ru/embed/contractor/?theme=<script>alert(1)</script>`);
  expect(await frame.text()).not.toContain('<script>alert(1)');
});

test('the catalogue and oEmbed describe every scenario with working addresses', async ({ request }) => {
  const catalogue = await (await request.get(`${course}/scenarios.json`)).json();
  expect(catalogue.scenarios.map((s: { id: string }) => s.id).sort()).toEqual(scenarios.map((s) => s.id).sort());
  for (const s of catalogue.scenarios) {
    for (const url of [s.page.ru, s.embed.en, s.oembed.ru]) expect((await request.get(url)).status()).toBe(200);
    const oembed = await (await request.get(s.oembed.en)).json();
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich' });
    expect(oembed.html).toMatch(new RegExp(`^<iframe src="${course}/en/embed/${s.id}/"`));
  }
  const page = await (await request.get(`${course}/en/scenarios/client/`)).text();
  expect(page).toContain(`type="application/json+oembed" href="${course}/oembed/en/client.json"`);
});

test('the copied snippet, pasted into a page on another site, shows the scenario from a course served without our headers', async ({
  page,
  context,
  embedHost,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The course on a plain static host: none of the _headers rules, at an address the build was not made for.
  const plain = startServer({ root: 'dist', port: 0, host: '127.0.0.1', headers: false });
  await new Promise<void>((resolve) => plain.on('listening', resolve));
  const plainOrigin = `http://127.0.0.1:${(plain.address() as { port: number }).port}`;
  try {
    await page.goto(`${plainOrigin}/en/embed/`);
    // The embedders' page gives out the address it is opened at, and the classic script first.
    // Each scenario has its own snippets; the test pastes the client's, not the preview's.
    const client = scenarios.find((s) => s.id === 'client')!;
    await expect(page.locator('#snippet-loader-client')).toContainText(`<script src="${plainOrigin}/embed/v1.js" defer></script>`);
    await page.getByRole('button', { name: fill(ui.en['embed.copyLoader'], { title: client.title.en }) }).click();
    await expect(page.locator('#copy-status')).toHaveText(ui.en['embed.copied']);
    const pasted = await page.evaluate(() => navigator.clipboard.readText());
    embedHost.paste(pasted);
    expect(pasted).not.toContain(course);
    const id = /scenario="([^"]+)"/.exec(pasted)![1]!;
    expect(id).toBe(client.id);
    const scenario = scenarios.find((s) => s.id === id)!;
    const start = findNode(scenario, scenario.start)!;

    await embedHost.open(page, '/pasted');
    const frame = page.frameLocator('checks-scenario iframe');
    await expect(frame.getByRole('heading', { name: start.title.en })).toBeVisible();

    // Where the script is blocked or fails, the reader still gets a link to the scenario, by its title.
    await page.route('**/embed/v1.js', (route) => route.abort());
    await embedHost.open(page, '/pasted');
    const link = page.locator('checks-scenario').getByRole('link', { name: scenario.title.en });
    await expect(link).toHaveAttribute('href', `${plainOrigin}/en/scenarios/${id}/`);
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(scenario.title.en);
  } finally {
    // The browser keeps its connections open; closing waits for none of them.
    const closed = new Promise<void>((resolve) => plain.close(() => resolve()));
    if ('closeAllConnections' in plain) plain.closeAllConnections();
    await closed;
  }
});
