import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { locales } from '../../src/engine/locales.ts';
import { markedPath } from '../../src/engine/paths.ts';
import { packageFile } from '../../src/lms/package-names.ts';
import { cmi5SessionKey } from '../../src/browser/storage-keys.ts';
import { outcome } from '../../src/engine/scoring.ts';
import { findNode, isDecision, startMeters } from '../../src/engine/graph.ts';
import { expressionAt } from '../../src/engine/expression.ts';
import { choiceLabel, fill, reported, scenarios, ui } from './course-data.ts';
import { validateManifest } from '../scorm-manifest.ts';
import { expect, focusRingShown, learner, lmsPlayer, registration, scormHarness, shownFace, test } from './fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const contractor = scenarios.find((s) => s.id === 'contractor')!;

// Each test plays a whole scenario inside an LMS frame: give them room on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

test('the SCORM 1.2 package lists its files and reports status, scores, interactions and time', async ({ page, scorm }) => {
  const zip = await scorm.open();
  // Focus starts on the first moment's heading, for keyboards and screen readers, with no ring: nobody reached for it.
  const heading = page.frameLocator('iframe').locator('#player h3');
  await expect(heading).toBeFocused();
  expect(await focusRingShown(heading)).toBe(false);
  const manifest = strFromU8(zip['imsmanifest.xml']!);
  // Every file of the player is listed; the manifest, the metadata file it names and the schemas are the package's control documents.
  const control = ['imsmanifest.xml', 'metadata.xml'];
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(control));
  for (const file of Object.keys(zip).filter((f) => !control.includes(f) && !f.endsWith('.xsd')))
    expect(manifest).toContain(`<file href="${file}"/>`);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).not.toMatch(/href="\//);
  // An LMS catalogue lists the package by the course's name and its scenario's title; its one item is the scenario.
  expect([...manifest.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual([
    `${ui.en['site.name']} — ${contractor.title.en}`,
    contractor.title.en,
  ]);

  await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveText(contractor.title.en);
  // The moment's face comes from the package itself: an LMS serves nothing else.
  const face = page.frameLocator('iframe').locator('.moment-head .portrait');
  await expect(face).toHaveAttribute('style', /background-image:\s*url\("portraits\/cast\.svg\?v=\w+"\)/);
  // The first moment's sender, as the scene or the starting trust shows them, from the package's own sheet.
  const first = findNode(contractor, contractor.start)!;
  if (!isDecision(first)) throw new Error('the contractor scenario starts with an ending');
  const expression = first.medium.expression ?? expressionAt(contractor, startMeters(contractor));
  expect(await shownFace(face)).toBe(`${first.medium.from}-${expression}`);
  const value = (name: string) => scorm.value(name);
  await expect.poll(() => value('cmi.core.lesson_status')).toBe('incomplete');
  // The path every report is checked on (see course-data.ts): the LMS keeps the engine's numbers.
  const { steps, outcome: expected } = reported;
  await lmsPlayer(page).play(contractor, steps);
  await expect.poll(() => value('cmi.core.lesson_status')).toBe('completed');
  expect(await value('cmi.core.score.raw')).toBe(String(expected.overall));
  expect(await value('cmi.interactions._count')).toBe(String(steps.length));
  // Interaction elements are write-only in SCORM 1.2: read what the LMS would commit.
  const committed = await scorm.committed();
  // The id names the moment and the choice; the response is the choice's letter, as SCORM 1.2 has a choice's response.
  for (const step of steps) {
    const moment = findNode(contractor, step.node)!;
    const index = isDecision(moment) ? moment.choices.findIndex((c) => c.id === step.choice) : -1;
    expect(committed).toContain(`"id":"${step.node}.${step.choice}"`);
    expect(committed).toContain(`"student_response":"${'abcdefghijklmnopqrstuvwxyz'[index]}"`);
  }
  expect(committed.match(/"type":"choice"/g)).toHaveLength(steps.length);
  expect(await value('cmi.objectives._count')).toBe(String(expected.principles.length));
  for (const [i, p] of expected.principles.entries()) {
    expect(await value(`cmi.objectives.${i}.id`)).toBe(p.principle);
    expect(await value(`cmi.objectives.${i}.score.raw`)).toBe(String(p.counted));
    // Each objective's maximum is the principle's reference, what the recommended path earns.
    expect(await value(`cmi.objectives.${i}.score.max`)).toBe(String(p.max));
  }
  expect((await value('cmi.suspend_data')).length).toBeLessThan(4096);
  expect(await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.back'] }).count()).toBe(0);

  // Playing again after the result is recorded is practice: the LMS's record stays as it was.
  await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.playAgain'] }).click();
  await lmsPlayer(page).play(contractor, markedPath(contractor, 'real').slice(0, 1));
  await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
  expect(await value('cmi.interactions._count')).toBe(String(steps.length));
  expect(await value('cmi.core.score.raw')).toBe(String(expected.overall));

  // The session time is written once, when the session ends (the learner leaves the page).
  const sessionTimes = () => page.evaluate(() => (window as unknown as { sessionTimes: string[] }).sessionTimes);
  expect(await sessionTimes()).toEqual([]);
  await scorm.leave();
  await expect.poll(sessionTimes).toHaveLength(1);
  expect((await sessionTimes())[0]).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  const finished = await scorm.committed();
  expect(finished).toMatch(/"session_time":"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?"/);
});

test('every SCORM 1.2 package carries the schemas its manifest names, and the manifest is valid against them', async () => {
  const zips = readdirSync(join(root, 'dist', 'lms')).filter((f) => f.endsWith('-scorm12.zip'));
  expect(zips.length).toBe(scenarios.length * 2);
  for (const name of zips) {
    const zip = unzipSync(readFileSync(join(root, 'dist', 'lms', name)));
    const manifest = strFromU8(zip['imsmanifest.xml']!);
    const hints = /xsi:schemaLocation="([^"]+)"/.exec(manifest)![1]!.trim().split(/\s+/);
    // Pairs of namespace and file: every file sits at the package's root, as the hints say.
    const located = Object.fromEntries(hints.flatMap((h, i) => (i % 2 === 0 ? [[h, hints[i + 1]!]] : [])));
    expect(Object.keys(located).sort()).toEqual([
      'http://www.adlnet.org/xsd/adlcp_rootv1p2',
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    ]);
    // ...and so is every schema those files import, all the way down.
    const needed = [...Object.values(located)];
    for (const file of needed) {
      expect(Object.keys(zip), `${name} lacks ${file}`).toContain(file);
      for (const m of strFromU8(zip[file]!).matchAll(/<xsd:(?:import|include)\b[^>]*schemaLocation="([^"]+)"/g))
        if (!needed.includes(m[1]!)) needed.push(m[1]!);
    }
    expect(needed.sort()).toEqual(['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd']);
    expect(await validateManifest(zip, manifest)).toEqual([]);
  }
  // The validator does check: a manifest that breaks the ADL schema is refused.
  const zip = unzipSync(readFileSync(join(root, 'dist', 'lms', zips[0]!)));
  const broken = strFromU8(zip['imsmanifest.xml']!).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
  expect((await validateManifest(zip, broken)).join('\n')).toMatch(/scormtype/);
});

test('the SCORM package tells the learner when the LMS refuses to store the result', async ({ page, scorm }) => {
  await scorm.open(
    scormHarness.replace(
      'window.API = new Scorm12API({ autocommit: false, logLevel: 5 });',
      "window.API = new Scorm12API({ autocommit: false, logLevel: 5 }); window.API.LMSCommit = () => 'false';",
    ),
  );
  await expect(page.frameLocator('iframe').getByText(ui.en['lms.notSaved'])).toBeVisible();
});

for (const [verdict, above] of [
  ['passed', 0],
  ['failed', 1],
] as const) {
  test(`with a mastery score from the LMS, the SCORM package reports the ending as ${verdict} and closes the attempt`, async ({
    page,
    scorm,
  }) => {
    const { steps, outcome: expected } = reported;
    const mastery = String(expected.overall + above);
    await scorm.open(
      scormHarness.replace(
        'window.API = new Scorm12API({ autocommit: false, logLevel: 5 });',
        `window.API = new Scorm12API({ autocommit: false, logLevel: 5 }); window.API.loadFromJSON({ student_data: { mastery_score: '${mastery}' } });`,
      ),
    );
    const value = (name: string) => scorm.value(name);
    await expect.poll(() => value('cmi.student_data.mastery_score')).toBe(mastery);
    await lmsPlayer(page).play(contractor, steps);
    await expect.poll(() => value('cmi.core.lesson_status')).toBe(verdict);
    expect(await value('cmi.core.score.raw')).toBe(String(expected.overall));
    // A judged attempt is over: the learner leaves with exit "", not "suspend".
    await scorm.leave();
    await expect.poll(() => scorm.committed()).toContain('"exit":""');
  });
}

test('the SCORM package resumes from cmi.suspend_data', async ({ page, scorm }) => {
  await scorm.open();
  const steps = markedPath(contractor, 'real').slice(0, 2);
  await lmsPlayer(page).play(contractor, steps);
  const suspend = await scorm.value('cmi.suspend_data');
  expect(JSON.parse(suspend).steps).toEqual(steps.map((s) => [s.node, s.choice]));
  await page.evaluate((s) => sessionStorage.setItem('suspend', s), suspend);
  await page.reload();
  await expect(page.frameLocator('iframe').getByText(ui.en['player.resumed'])).toBeVisible();
  await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.continue'] }).click();
  await expect(page.frameLocator('iframe').getByText(fill(ui.en['player.step'], { n: steps.length + 1 }), { exact: true })).toBeVisible();
});

test('the cmi5 package sends its statements to the LRS in the order cmi5 requires', async ({ page, cmi5 }) => {
  const lms = await cmi5();
  const structure = strFromU8(lms.zip['cmi5.xml']!);
  expect(structure).toContain('<url>index.html</url>');
  expect([...structure.matchAll(/<title><langstring lang="en">([^<]*)<\/langstring><\/title>/g)].map((m) => m[1])).toEqual([
    `${ui.en['site.name']} — ${contractor.title.en}`,
    contractor.title.en,
  ]);
  await page.goto(lms.launchUrl('s1'));
  // The path every report is checked on (see course-data.ts); the mastery score decides passed or failed.
  const { steps, outcome: expected } = reported;
  await lmsPlayer(page).play(contractor, steps);
  await expect.poll(() => lms.statements.length).toBe(steps.length + 4);
  expect(lms.verbs()).toEqual([
    'initialized',
    ...steps.map(() => 'answered'),
    'completed',
    expected.overall >= 50 ? 'passed' : 'failed',
    'terminated',
  ]);
  for (const s of lms.statements) {
    const context = s['context'] as {
      registration: string;
      extensions: Record<string, string>;
      contextActivities: { grouping: unknown[] };
    };
    expect(context.registration).toBe(registration);
    expect(context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe('s1');
    expect(context.contextActivities.grouping).toEqual([{ id: 'https://lms.test/course' }]);
    expect(s['actor']).toEqual(learner);
  }
  const answered = lms.statements[1] as { result: { response: string; extensions: Record<string, number> } };
  expect(answered.result.response).toBe(steps[0]!.choice);
  expect(Object.keys(answered.result.extensions).every((k) => /^https?:\/\/.+\/xapi\/principles\//.test(k))).toBe(true);
  const completed = lms.statements[steps.length + 1] as {
    result: { completion: boolean; duration: string; extensions: Record<string, { earned: number; max: number }> };
  };
  expect(completed.result.completion).toBe(true);
  expect(completed.result.duration).toMatch(/^PT/);
  expect(Object.values(completed.result.extensions)).toEqual(expected.principles.map((p) => ({ earned: p.earned, max: p.max })));
  const judged = lms.statements[steps.length + 2] as {
    result: { success: boolean; score: { scaled: number } };
    context: { extensions: Record<string, unknown> };
  };
  expect(judged.result.score.scaled).toBe(expected.overall / 100);
  // Passed and failed name the mastery score they were judged against, as the LMS gave it (cmi5 9.6.3.2).
  const masteryScore = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
  expect(judged.context.extensions[masteryScore]).toBe(0.5);
  // No other statement carries it.
  expect(lms.statements.filter((s) => masteryScore in (s['context'] as { extensions: object }).extensions)).toHaveLength(1);
  expect(lms.auth.length).toBeGreaterThan(steps.length);
  expect(new Set(lms.auth)).toEqual(new Set([`Basic ${Buffer.from('/fetch/s1').toString('base64')}`]));

  // Nothing may follow "terminated": playing again is practice, and the learner is told.
  await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.playAgain'] }).click();
  await lmsPlayer(page).play(contractor, steps.slice(0, 1));
  await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
  expect(lms.statements).toHaveLength(steps.length + 4);

  // A later session of the same registration (the LMS launches it with a new fetch URL) knows
  // the result is recorded: it initializes and ends at once, and the run is practice.
  await page.goto(lms.launchUrl('s2'));
  await lmsPlayer(page).play(contractor, steps.slice(0, 1));
  await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
  await expect.poll(() => lms.verbs().slice(steps.length + 4)).toEqual(['initialized', 'terminated']);
  expect(lms.fetches).toEqual(['/fetch/s1', '/fetch/s2']);
});

test('a reload in the middle of a cmi5 session continues it: one fetch, one initialized, the same token', async ({ page, cmi5 }) => {
  const lms = await cmi5();
  await page.goto(lms.launchUrl('s1'));
  const steps = markedPath(contractor, 'recommended');
  await lmsPlayer(page).play(contractor, steps.slice(0, 2));
  await expect.poll(() => lms.verbs()).toEqual(['initialized', 'answered', 'answered']);
  await page.reload();
  // The learner is back where they were, and goes on.
  await expect(page.frameLocator('iframe').getByText(ui.en['player.resumed'])).toBeVisible();
  await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.continue'] }).click();
  await lmsPlayer(page).play(contractor, steps.slice(2));
  const expected = outcome(contractor, steps)!;
  await expect
    .poll(() => lms.verbs())
    .toEqual(['initialized', ...steps.map(() => 'answered'), 'completed', expected.overall >= 50 ? 'passed' : 'failed', 'terminated']);
  expect(lms.fetches).toEqual(['/fetch/s1']);
  expect(new Set(lms.auth)).toEqual(new Set([`Basic ${Buffer.from('/fetch/s1').toString('base64')}`]));
  // Every choice was reported once, across the reload.
  const answered = lms.statements.filter((s) => (s['verb'] as { id: string }).id.endsWith('/answered'));
  expect(answered.map((s) => (s['result'] as { response: string }).response)).toEqual(steps.map((s) => s.choice));
  // After the result, a reload reopens at the learner's ending and sends nothing more: the
  // session has ended.
  await page.reload();
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.outcome').getByRole('heading', { level: 3 })).toHaveText(expected.ending.title.en);
  await expect(frame.locator('.feedback-choice')).toHaveCount(0);
  await frame.getByRole('button', { name: ui.en['player.playAgain'] }).click();
  await lmsPlayer(page).play(contractor, steps.slice(0, 1));
  await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
  expect(lms.statements).toHaveLength(steps.length + 4);
  expect(lms.fetches).toEqual(['/fetch/s1']);
});

test('a cmi5 run whose window was closed before its ending goes on in the next session the LMS launches', async ({ page, cmi5 }) => {
  const lms = await cmi5();
  await page.goto(lms.launchUrl('s1'));
  const steps = markedPath(contractor, 'recommended');
  await lmsPlayer(page).play(contractor, steps.slice(0, 2));
  await expect.poll(() => lms.verbs()).toEqual(['initialized', 'answered', 'answered']);
  // The learner closes the window; the LMS launches a new session, in a new window, with a new fetch URL.
  const next = await page.context().newPage();
  await page.close();
  await next.goto(lms.launchUrl('s2'));
  const frame = next.frameLocator('iframe');
  await expect(frame.getByText(ui.en['player.resumed'])).toBeVisible();
  await frame.getByRole('button', { name: ui.en['player.continue'] }).click();
  await lmsPlayer(next).play(contractor, steps.slice(2));
  const expected = outcome(contractor, steps)!;
  await expect
    .poll(() => lms.verbs())
    .toEqual([
      'initialized',
      'answered',
      'answered',
      'initialized',
      ...steps.slice(2).map(() => 'answered'),
      'completed',
      expected.overall >= 50 ? 'passed' : 'failed',
      'terminated',
    ]);
  expect(lms.fetches).toEqual(['/fetch/s1', '/fetch/s2']);
});

test('a tab in the middle of a cmi5 session across an update keeps it: what the released versions saved, without a format version, continues', async ({
  page,
  cmi5,
}) => {
  const lms = await cmi5();
  await page.goto(lms.launchUrl('s1'));
  const steps = markedPath(contractor, 'recommended');
  await lmsPlayer(page).play(contractor, steps.slice(0, 2));
  await expect.poll(() => lms.verbs()).toEqual(['initialized', 'answered', 'answered']);
  /** The AU's frame (a new one after each reload), whose sessionStorage keeps the session. */
  const au = () => page.frames().find((f) => f.url().includes('/pkg/'))!;
  const key = cmi5SessionKey(registration);
  const saved = () => au().evaluate((k) => JSON.parse(sessionStorage.getItem(k) ?? 'null') as Record<string, unknown> | null, key);
  const current = (await saved())!;
  expect(current['v']).toBe(1);
  // The record as the released versions (33292c2) wrote it: the same fields, no `v`.
  const { v: _, ...released } = current;
  await au().evaluate(([k, record]) => sessionStorage.setItem(k, JSON.stringify(record)), [key, released] as const);
  await page.reload();
  await expect(page.frameLocator('iframe').getByText(ui.en['player.resumed'])).toBeVisible();
  expect(lms.fetches).toEqual(['/fetch/s1']);
  expect(lms.verbs()).toEqual(['initialized', 'answered', 'answered']);
  // Kept in the current format from its next change on.
  await expect.poll(async () => (await saved())?.['v']).toBe(1);
  expect(await saved()).toMatchObject({ token: released['token'], startedAt: released['startedAt'], sent: ['initialized'] });
});

for (const locale of ['en', 'ru'] as const) {
  test(`a refused cmi5 fetch URL asks the learner to relaunch and sends nothing (${locale})`, async ({ context, page, cmi5 }) => {
    const lms = await cmi5(locale);
    await page.goto(lms.launchUrl('s1'));
    await expect.poll(() => lms.verbs()).toEqual(['initialized']);
    // The same launch address in another tab (copied, or opened twice): its fetch URL is used up.
    const other = await context.newPage();
    await other.goto(lms.launchUrl('s1'));
    const frame = other.frameLocator('iframe');
    await expect(frame.getByText(ui[locale]['lms.relaunch'])).toBeVisible();
    const first = markedPath(contractor, 'recommended')[0]!;
    // The story still plays; nothing reaches the LRS from this tab.
    await frame.getByRole('button', { name: choiceLabel(contractor, first, locale), exact: true }).click();
    await expect(frame.getByRole('button', { name: ui[locale]['player.continue'] })).toBeVisible();
    expect(lms.fetches).toEqual(['/fetch/s1', '/fetch/s1']);
    expect(lms.verbs()).toEqual(['initialized']);
  });
}

test('where the tab cannot store, a cmi5 session keeps its token in memory and still reports', async ({ page, cmi5 }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const lms = await cmi5();
  await page.goto(lms.launchUrl('s1'));
  const steps = markedPath(contractor, 'recommended');
  await lmsPlayer(page).play(contractor, steps.slice(0, 2));
  await expect.poll(() => lms.verbs()).toEqual(['initialized', 'answered', 'answered']);
  expect(lms.fetches).toEqual(['/fetch/s1']);
});

for (const locale of locales)
  test(`${locale}: a package opened from its unzipped folder plays, and says no LMS records it`, async ({ page }) => {
    const folder = mkdtempSync(join(tmpdir(), 'package-'));
    try {
      const zip = unzipSync(readFileSync(join(root, 'dist', 'lms', packageFile('client', locale, 'scorm12'))));
      for (const [name, bytes] of Object.entries(zip)) {
        mkdirSync(dirname(join(folder, name)), { recursive: true });
        writeFileSync(join(folder, name), bytes);
      }
      // As an administrator checks a package before uploading it: from disk, where browsers run no module script.
      await page.goto(pathToFileURL(join(folder, 'index.html')).href);
      await expect(page.getByText(ui[locale]['lms.noScorm'])).toBeVisible();
      const client = scenarios.find((s) => s.id === 'client')!;
      await page.getByRole('button', { name: choiceLabel(client, markedPath(client, 'recommended')[0]!, locale), exact: true }).click();
      await expect(page.getByRole('button', { name: ui[locale]['player.continue'] })).toBeVisible();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

test('every LMS package names the course, its scenario and its language in its manifest or the metadata file it names, read by an XML parser', async ({
  page,
}) => {
  const lms = join(import.meta.dirname, '..', '..', 'dist', 'lms');
  const scorm = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
  for (const scenario of scenarios)
    for (const locale of locales) {
      // The title as written: a catalogue indexes it and searches it with ordinary spaces.
      const title = scenario.title[locale];
      const full = `${ui[locale]['site.name']} — ${title}`;
      const read = (mode: 'scorm12' | 'cmi5', file: string) =>
        strFromU8(unzipSync(readFileSync(join(lms, packageFile(scenario.id, locale, mode))))[file]!);
      // The browser's own XML parser reads what an LMS would: the manifest, then the metadata file it names.
      const manifest = await page.evaluate(
        (text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          return {
            errors: doc.getElementsByTagName('parsererror').length,
            location: doc.getElementsByTagNameNS('http://www.adlnet.org/xsd/adlcp_rootv1p2', 'location')[0]?.textContent,
            organization: doc.querySelector('organization > title')?.textContent,
            item: doc.querySelector('item > title')?.textContent,
          };
        },
        read('scorm12', 'imsmanifest.xml'),
      );
      expect(manifest).toEqual({ errors: 0, location: 'metadata.xml', organization: full, item: title });
      const metadata = await page.evaluate(
        ({ text, ns }) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const lom = (name: string) => [...doc.getElementsByTagNameNS(ns, name)];
          const langstring = (parent: string) => lom(parent).flatMap((e) => [...e.getElementsByTagNameNS(ns, 'langstring')]);
          return {
            errors: doc.getElementsByTagName('parsererror').length,
            language: lom('language').map((e) => e.textContent),
            title: langstring('title').map((e) => [e.getAttribute('xml:lang'), e.textContent]),
            description: langstring('description').map((e) => e.getAttribute('xml:lang')),
          };
        },
        { text: read('scorm12', manifest.location!), ns: scorm },
      );
      expect(metadata).toEqual({ errors: 0, language: [locale], title: [[locale, full]], description: [locale] });
      const structure = await page.evaluate(
        (text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const titles = (parent: string) =>
            [...doc.querySelectorAll(`${parent} > title > langstring`)].map((e) => [e.getAttribute('lang'), e.textContent]);
          return {
            errors: doc.getElementsByTagName('parsererror').length,
            course: titles('course'),
            au: titles('au'),
            langs: [...new Set([...doc.querySelectorAll('langstring')].map((e) => e.getAttribute('lang')))],
          };
        },
        read('cmi5', 'cmi5.xml'),
      );
      expect(structure).toEqual({ errors: 0, course: [[locale, full]], au: [[locale, title]], langs: [locale] });
    }
});
