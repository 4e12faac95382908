import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { outcome } from '../../src/engine/scoring.ts';
import { packageFile } from '../../src/lms/package-names.ts';
import { choiceLabel, reported, scenarios, ui } from './course-data.ts';
import type { Locale } from '../../src/engine/locales.ts';

const root = join(import.meta.dirname, '..', '..');
const contractor = scenarios.find((s) => s.id === 'contractor')!;
const scormHost = 'http://lms.test';

// Each test plays a whole scenario inside an LMS frame: give them room on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

/** Serves an unpacked package under http://lms.test/pkg/ and a harness page beside it. */
async function servePackage(page: Page, kind: 'scorm12' | 'cmi5', harness: string) {
  const zip = unzipSync(readFileSync(join(root, 'dist', 'lms', packageFile('contractor', 'en', kind))));
  const types: Record<string, string> = {
    html: 'text/html',
    js: 'text/javascript',
    css: 'text/css',
    xml: 'application/xml',
    svg: 'image/svg+xml',
  };
  await page.route(`${scormHost}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/harness.html') return route.fulfill({ contentType: 'text/html', body: harness });
    if (path === '/scorm12.js')
      return route.fulfill({
        contentType: 'text/javascript',
        body: readFileSync(join(root, 'node_modules/scorm-again/dist/scorm12.js'), 'utf8'),
      });
    const file = zip[path.replace(/^\/pkg\//, '')];
    return file
      ? route.fulfill({ contentType: types[path.split('.').pop()!] ?? 'application/octet-stream', body: Buffer.from(file) })
      : route.fulfill({ status: 404 });
  });
  return zip;
}

async function playIn(page: Page, steps: ReturnType<typeof markedPath>) {
  const frame = page.frameLocator('iframe');
  for (const step of steps) {
    await frame.getByRole('button', { name: choiceLabel(contractor, step, 'en'), exact: true }).click();
    await frame.getByRole('button', { name: ui.en['player.continue'] }).click();
  }
}

const scormHarness = `<!doctype html><html lang="en"><head><title>LMS</title><script src="/scorm12.js"></script></head><body>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  // Every write of the session time, as an LMS that adds each one to the total would count them.
  window.sessionTimes = [];
  const setValue = window.API.LMSSetValue.bind(window.API);
  window.API.LMSSetValue = (name, value) => {
    if (name === 'cmi.core.session_time') window.sessionTimes.push(value);
    return setValue(name, value);
  };
  const saved = sessionStorage.getItem('suspend');
  if (saved) window.API.loadFromJSON({ core: { lesson_status: 'incomplete' }, suspend_data: saved });
  const frame = document.createElement('iframe');
  frame.src = '/pkg/index.html';
  frame.style.cssText = 'width:100%;height:900px;border:0';
  document.body.append(frame);
</script></body></html>`;

test('the SCORM 1.2 package lists its files and reports status, scores, interactions and time', async ({ page }) => {
  const zip = await servePackage(page, 'scorm12', scormHarness);
  const manifest = strFromU8(zip['imsmanifest.xml']!);
  // Every file of the player is listed; the manifest and its schemas are the package's control documents.
  for (const file of Object.keys(zip).filter((f) => f !== 'imsmanifest.xml' && !f.endsWith('.xsd')))
    expect(manifest).toContain(`<file href="${file}"/>`);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).not.toMatch(/href="\//);
  // An LMS catalogue lists the package by the course's name and its scenario's title; its one item is the scenario.
  expect([...manifest.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual([
    `${ui.en['site.name']} — ${contractor.title.en}`,
    contractor.title.en,
  ]);

  await page.goto(`${scormHost}/harness.html`);
  await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveText(contractor.title.en);
  // The moment's face comes from the package itself: an LMS serves nothing else.
  const face = page.frameLocator('iframe').locator('.moment-head .portrait');
  await expect(face).toHaveAttribute('src', /^portraits\/\w+\.svg#/);
  await expect.poll(() => face.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const value = (name: string) =>
    page.evaluate((n) => (window as unknown as { API: { LMSGetValue(n: string): string } }).API.LMSGetValue(n), name);
  await expect.poll(() => value('cmi.core.lesson_status')).toBe('incomplete');
  // The path every report is checked on (see course-data.ts): the LMS keeps the engine's numbers.
  const { steps, outcome: expected } = reported;
  await playIn(page, steps);
  await expect.poll(() => value('cmi.core.lesson_status')).toBe('completed');
  expect(await value('cmi.core.score.raw')).toBe(String(expected.overall));
  expect(await value('cmi.interactions._count')).toBe(String(steps.length));
  // Interaction elements are write-only in SCORM 1.2: read what the LMS would commit.
  const committed = await page.evaluate(() =>
    JSON.stringify((window as unknown as { API: { renderCommitCMI(t: boolean): unknown } }).API.renderCommitCMI(false)),
  );
  for (const step of steps) {
    expect(committed).toContain(`"id":"${step.node}.${step.choice}"`);
    expect(committed).toContain(`"student_response":"${step.choice}"`);
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
  await playIn(page, markedPath(contractor, 'real').slice(0, 1));
  await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
  expect(await value('cmi.interactions._count')).toBe(String(steps.length));
  expect(await value('cmi.core.score.raw')).toBe(String(expected.overall));

  // The session time is written once, when the session ends (the learner leaves the page).
  const sessionTimes = () => page.evaluate(() => (window as unknown as { sessionTimes: string[] }).sessionTimes);
  expect(await sessionTimes()).toEqual([]);
  await page.evaluate(() => document.querySelector('iframe')!.setAttribute('src', 'about:blank'));
  await expect.poll(sessionTimes).toHaveLength(1);
  expect((await sessionTimes())[0]).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  const finished = await page.evaluate(() =>
    JSON.stringify((window as unknown as { API: { renderCommitCMI(t: boolean): unknown } }).API.renderCommitCMI(false)),
  );
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
      'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    ]);
    // ...and so is every schema those files import, all the way down.
    const needed = [...Object.values(located)];
    for (const file of needed) {
      expect(Object.keys(zip), `${name} lacks ${file}`).toContain(file);
      for (const m of strFromU8(zip[file]!).matchAll(/<xsd:(?:import|include)\b[^>]*schemaLocation="([^"]+)"/g))
        if (!needed.includes(m[1]!)) needed.push(m[1]!);
    }
    expect(needed.sort()).toEqual(['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd']);
    expect(await validateManifest(zip, manifest)).toEqual([]);
  }
  // The validator does check: a manifest that breaks the ADL schema is refused.
  const zip = unzipSync(readFileSync(join(root, 'dist', 'lms', zips[0]!)));
  const broken = strFromU8(zip['imsmanifest.xml']!).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
  expect((await validateManifest(zip, broken)).join('\n')).toMatch(/scormtype/);
});

/** Validates a manifest with libxml2 against the schemas packaged beside it; the errors, or none. */
async function validateManifest(zip: Record<string, Uint8Array>, manifest: string): Promise<string[]> {
  // One schema that brings in every namespace the manifest uses, from the packaged files.
  const both = `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:both">
<xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
<xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
<xsd:import namespace="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1" schemaLocation="imsmd_rootv1p2p1.xsd"/></xsd:schema>`;
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [both],
    preload: ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'].map((f) => ({
      fileName: f,
      contents: strFromU8(zip[f]!),
    })),
  });
  return result.errors.map((e) => e.message);
}

test('the SCORM package tells the learner when the LMS refuses to store the result', async ({ page }) => {
  await servePackage(
    page,
    'scorm12',
    scormHarness.replace(
      'window.API = new Scorm12API({ autocommit: false, logLevel: 5 });',
      "window.API = new Scorm12API({ autocommit: false, logLevel: 5 }); window.API.LMSCommit = () => 'false';",
    ),
  );
  await page.goto(`${scormHost}/harness.html`);
  await expect(page.frameLocator('iframe').getByText(ui.en['lms.notSaved'])).toBeVisible();
});

for (const [verdict, above] of [
  ['passed', 0],
  ['failed', 1],
] as const) {
  test(`with a mastery score from the LMS, the SCORM package reports the ending as ${verdict} and closes the attempt`, async ({ page }) => {
    const { steps, outcome: expected } = reported;
    const mastery = String(expected.overall + above);
    await servePackage(
      page,
      'scorm12',
      scormHarness.replace(
        'window.API = new Scorm12API({ autocommit: false, logLevel: 5 });',
        `window.API = new Scorm12API({ autocommit: false, logLevel: 5 }); window.API.loadFromJSON({ student_data: { mastery_score: '${mastery}' } });`,
      ),
    );
    await page.goto(`${scormHost}/harness.html`);
    const value = (name: string) =>
      page.evaluate((n) => (window as unknown as { API: { LMSGetValue(n: string): string } }).API.LMSGetValue(n), name);
    await expect.poll(() => value('cmi.student_data.mastery_score')).toBe(mastery);
    await playIn(page, steps);
    await expect.poll(() => value('cmi.core.lesson_status')).toBe(verdict);
    expect(await value('cmi.core.score.raw')).toBe(String(expected.overall));
    // A judged attempt is over: the learner leaves with exit "", not "suspend".
    await page.evaluate(() => document.querySelector('iframe')!.setAttribute('src', 'about:blank'));
    await expect
      .poll(() =>
        page.evaluate(() =>
          JSON.stringify((window as unknown as { API: { renderCommitCMI(t: boolean): unknown } }).API.renderCommitCMI(false)),
        ),
      )
      .toContain('"exit":""');
  });
}

test('the SCORM package resumes from cmi.suspend_data', async ({ page }) => {
  await servePackage(page, 'scorm12', scormHarness);
  await page.goto(`${scormHost}/harness.html`);
  const steps = markedPath(contractor, 'real').slice(0, 2);
  await playIn(page, steps);
  const suspend = await page.evaluate(() =>
    (window as unknown as { API: { LMSGetValue(n: string): string } }).API.LMSGetValue('cmi.suspend_data'),
  );
  expect(JSON.parse(suspend).steps).toEqual(steps.map((s) => [s.node, s.choice]));
  await page.evaluate((s) => sessionStorage.setItem('suspend', s), suspend);
  await page.reload();
  await expect(page.frameLocator('iframe').getByText(ui.en['player.resumed'])).toBeVisible();
  await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.continue'] }).click();
  await expect(page.frameLocator('iframe').getByText(`Decision ${steps.length + 1}`, { exact: true })).toBeVisible();
});

/**
 * A small LMS on loopback: it serves the unpacked cmi5 package, hands out one auth token per
 * fetch URL (and refuses a second use of one, as cmi5 §8.1.2 lets an LMS do), and plays the LRS.
 */
async function startLms(locale: Locale = 'en') {
  const statements: Record<string, unknown>[] = [];
  const auth: string[] = [];
  const fetches: string[] = [];
  const auStates = new Map<string, string>();
  const zip = unzipSync(readFileSync(join(root, 'dist', 'lms', packageFile('contractor', locale, 'cmi5'))));
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  };
  const server: Server = createServer((request, response) => {
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    const url = new URL(request.url!, 'http://127.0.0.1');
    let body = '';
    request.on('data', (c) => (body += c));
    request.on('end', () => {
      if (url.pathname === '/launch.html') {
        const frame = `/pkg/index.html?${url.searchParams.get('au')}`;
        return void response
          .writeHead(200, { 'content-type': 'text/html' })
          .end(`<!doctype html><title>LMS</title><iframe src="${frame}" style="width:100%;height:900px;border:0"></iframe>`);
      }
      const file = zip[url.pathname.replace(/^\/pkg\//, '')];
      if (url.pathname.startsWith('/pkg/') && file) {
        const type =
          { html: 'text/html', js: 'text/javascript', css: 'text/css' }[url.pathname.split('.').pop()!] ?? 'application/octet-stream';
        return void response.writeHead(200, { 'content-type': type }).end(Buffer.from(file));
      }
      if (url.pathname.startsWith('/fetch/') && request.method === 'POST') {
        const used = fetches.includes(url.pathname);
        fetches.push(url.pathname);
        // cmi5 error 1: "Already in use", answered with an error status.
        if (used) return void response.writeHead(400, { ...cors, 'content-type': 'application/json' }).end('{"error-code":"1"}');
        return void response
          .writeHead(200, { ...cors, 'content-type': 'application/json' })
          .end(JSON.stringify({ 'auth-token': Buffer.from(url.pathname).toString('base64') }));
      }
      if (url.pathname.startsWith('/xapi/')) auth.push(String(request.headers['authorization']));
      if (url.pathname === '/xapi/activities/state' && url.searchParams.get('stateId') !== 'LMS.LaunchData') {
        // The AU's own state documents, kept per state id for the registration.
        const id = url.searchParams.get('stateId')!;
        if (request.method === 'PUT') {
          auStates.set(id, body);
          response.writeHead(204, cors).end();
          return;
        }
        const kept = auStates.get(id);
        return void (kept === undefined
          ? response.writeHead(404, cors).end()
          : response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(kept));
      }
      if (url.pathname === '/xapi/activities/state' && url.searchParams.get('stateId') === 'LMS.LaunchData') {
        return void response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(
          JSON.stringify({
            launchMode: 'Normal',
            moveOn: 'CompletedAndPassed',
            masteryScore: 0.5,
            contextTemplate: {
              contextActivities: { grouping: [{ id: 'https://lms.test/course' }] },
              extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's1' },
            },
          }),
        );
      }
      if (url.pathname === '/xapi/statements' && request.method === 'POST') {
        statements.push(JSON.parse(body) as Record<string, unknown>);
        return void response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end('[]');
      }
      response.writeHead(404, cors).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    zip,
    statements,
    auth,
    fetches,
    /** The LMS's launch page for a session: each session has its own fetch URL. */
    launchUrl(session: string) {
      const au = new URLSearchParams({
        endpoint: `${base}/xapi/`,
        fetch: `${base}/fetch/${session}`,
        registration: registration,
        activityId: 'https://lms.test/au/contractor',
        actor: JSON.stringify(learner),
      });
      return `${base}/launch.html?${new URLSearchParams({ au: au.toString() })}`;
    },
    verbs: () => statements.map((st) => (st['verb'] as { id: string }).id.split('/').pop()),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The browser's keep-alive connections would hold the close until they time out.
        server.closeAllConnections();
      }),
  };
}

const registration = '0b6a1d2e-1111-4c6b-9a55-123456789abc';
const learner = { objectType: 'Agent', account: { homePage: 'https://lms.test', name: 'learner-1' } };

test('the cmi5 package sends its statements to the LRS in the order cmi5 requires', async ({ page }) => {
  const lms = await startLms();
  try {
    const structure = strFromU8(lms.zip['cmi5.xml']!);
    expect(structure).toContain('<url>index.html</url>');
    expect([...structure.matchAll(/<title><langstring lang="en">([^<]*)<\/langstring><\/title>/g)].map((m) => m[1])).toEqual([
      `${ui.en['site.name']} — ${contractor.title.en}`,
      contractor.title.en,
    ]);
    await page.goto(lms.launchUrl('s1'));
    // The path every report is checked on (see course-data.ts); the mastery score decides passed or failed.
    const { steps, outcome: expected } = reported;
    await playIn(page, steps);
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
    const judged = lms.statements[steps.length + 2] as { result: { success: boolean; score: { scaled: number } } };
    expect(judged.result.score.scaled).toBe(expected.overall / 100);
    expect(lms.auth.length).toBeGreaterThan(steps.length);
    expect(new Set(lms.auth)).toEqual(new Set([`Basic ${Buffer.from('/fetch/s1').toString('base64')}`]));

    // Nothing may follow "terminated": playing again is practice, and the learner is told.
    await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.playAgain'] }).click();
    await playIn(page, steps.slice(0, 1));
    await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
    expect(lms.statements).toHaveLength(steps.length + 4);

    // A later session of the same registration (the LMS launches it with a new fetch URL) knows
    // the result is recorded: it initializes and ends at once, and the run is practice.
    await page.goto(lms.launchUrl('s2'));
    await playIn(page, steps.slice(0, 1));
    await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
    await expect.poll(() => lms.verbs().slice(steps.length + 4)).toEqual(['initialized', 'terminated']);
    expect(lms.fetches).toEqual(['/fetch/s1', '/fetch/s2']);
  } finally {
    await lms.close();
  }
});

test('a reload in the middle of a cmi5 session continues it: one fetch, one initialized, the same token', async ({ page }) => {
  const lms = await startLms();
  try {
    await page.goto(lms.launchUrl('s1'));
    const steps = markedPath(contractor, 'recommended');
    await playIn(page, steps.slice(0, 2));
    await expect.poll(() => lms.verbs()).toEqual(['initialized', 'answered', 'answered']);
    await page.reload();
    // The learner is back where they were, and goes on.
    await expect(page.frameLocator('iframe').getByText(ui.en['player.resumed'])).toBeVisible();
    await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.continue'] }).click();
    await playIn(page, steps.slice(2));
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
    await playIn(page, steps.slice(0, 1));
    await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
    expect(lms.statements).toHaveLength(steps.length + 4);
    expect(lms.fetches).toEqual(['/fetch/s1']);
  } finally {
    await lms.close();
  }
});

for (const locale of ['en', 'ru'] as const) {
  test(`a refused cmi5 fetch URL asks the learner to relaunch and sends nothing (${locale})`, async ({ context, page }) => {
    const lms = await startLms(locale);
    try {
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
    } finally {
      await lms.close();
    }
  });
}

test('where the tab cannot store, a cmi5 session keeps its token in memory and still reports', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const lms = await startLms();
  try {
    await page.goto(lms.launchUrl('s1'));
    const steps = markedPath(contractor, 'recommended');
    await playIn(page, steps.slice(0, 2));
    await expect.poll(() => lms.verbs()).toEqual(['initialized', 'answered', 'answered']);
    expect(lms.fetches).toEqual(['/fetch/s1']);
  } finally {
    await lms.close();
  }
});
