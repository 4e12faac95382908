import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { outcome } from '../../src/engine/scoring.ts';
import { packageFile } from '../../src/lms/package-names.ts';
import { choiceLabel, scenarios, ui } from './course-data.ts';

const root = join(import.meta.dirname, '..', '..');
const contractor = scenarios.find((s) => s.id === 'contractor')!;
const lms = 'http://lms.test';

// Each test plays a whole scenario inside an LMS frame: give them room on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

/** Serves an unpacked package under http://lms.test/pkg/ and a harness page beside it. */
async function servePackage(page: Page, kind: 'scorm12' | 'cmi5', harness: string) {
  const zip = unzipSync(readFileSync(join(root, 'dist', 'lms', packageFile('contractor', 'en', kind))));
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', xml: 'application/xml' };
  await page.route(`${lms}/**`, (route) => {
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
  for (const file of Object.keys(zip).filter((f) => f !== 'imsmanifest.xml')) expect(manifest).toContain(`<file href="${file}"/>`);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).not.toMatch(/href="\//);

  await page.goto(`${lms}/harness.html`);
  await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveText(contractor.title.en);
  const value = (name: string) =>
    page.evaluate((n) => (window as unknown as { API: { LMSGetValue(n: string): string } }).API.LMSGetValue(n), name);
  await expect.poll(() => value('cmi.core.lesson_status')).toBe('incomplete');
  const steps = markedPath(contractor, 'recommended');
  await playIn(page, steps);
  const expected = outcome(contractor, steps)!;
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
  }
  expect(committed).toMatch(/"session_time":"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?"/);
  expect((await value('cmi.suspend_data')).length).toBeLessThan(4096);
  expect(await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.back'] }).count()).toBe(0);

  // Playing again after the result is recorded is practice: the LMS's record stays as it was.
  await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.playAgain'] }).click();
  await playIn(page, markedPath(contractor, 'real').slice(0, 1));
  await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
  expect(await value('cmi.interactions._count')).toBe(String(steps.length));
  expect(await value('cmi.core.score.raw')).toBe(String(expected.overall));
});

test('the SCORM package tells the learner when the LMS refuses to store the result', async ({ page }) => {
  await servePackage(
    page,
    'scorm12',
    scormHarness.replace(
      'window.API = new Scorm12API({ autocommit: false, logLevel: 5 });',
      "window.API = new Scorm12API({ autocommit: false, logLevel: 5 }); window.API.LMSCommit = () => 'false';",
    ),
  );
  await page.goto(`${lms}/harness.html`);
  await expect(page.frameLocator('iframe').getByText(ui.en['lms.notSaved'])).toBeVisible();
});

test('the SCORM package resumes from cmi.suspend_data', async ({ page }) => {
  await servePackage(page, 'scorm12', scormHarness);
  await page.goto(`${lms}/harness.html`);
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

test('the cmi5 package sends its statements to the LRS in the order cmi5 requires', async ({ page }) => {
  const statements: Record<string, unknown>[] = [];
  const auth: string[] = [];
  const auStates = new Map<string, string>();
  const zip = unzipSync(readFileSync(join(root, 'dist', 'lms', packageFile('contractor', 'en', 'cmi5'))));
  let launchPage = '';
  // A small LMS on loopback: it serves the unpacked package and plays the LRS.
  const lrs: Server = createServer((request, response) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version',
      'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    };
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    const url = new URL(request.url!, 'http://127.0.0.1');
    let body = '';
    request.on('data', (c) => (body += c));
    request.on('end', () => {
      if (url.pathname === '/launch.html') return void response.writeHead(200, { 'content-type': 'text/html' }).end(launchPage);
      const file = zip[url.pathname.replace(/^\/pkg\//, '')];
      if (url.pathname.startsWith('/pkg/') && file) {
        const type =
          { html: 'text/html', js: 'text/javascript', css: 'text/css' }[url.pathname.split('.').pop()!] ?? 'application/octet-stream';
        return void response.writeHead(200, { 'content-type': type }).end(Buffer.from(file));
      }
      if (url.pathname === '/fetch' && request.method === 'POST')
        return void response
          .writeHead(200, { ...cors, 'content-type': 'application/json' })
          .end(JSON.stringify({ 'auth-token': 'dG9rZW4=' }));
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
  await new Promise<void>((resolve) => lrs.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(lrs.address() as { port: number }).port}`;
  try {
    const launch = new URLSearchParams({
      endpoint: `${base}/xapi/`,
      fetch: `${base}/fetch`,
      registration: '0b6a1d2e-1111-4c6b-9a55-123456789abc',
      activityId: 'https://lms.test/au/contractor',
      actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.test', name: 'learner-1' } }),
    });
    launchPage = `<!doctype html><title>LMS</title><iframe src="/pkg/index.html?${launch}" style="width:100%;height:900px;border:0"></iframe>`;
    expect(strFromU8(zip['cmi5.xml']!)).toContain('<url>index.html</url>');
    await page.goto(`${base}/launch.html`);
    const steps = markedPath(contractor, 'recommended');
    await playIn(page, steps);
    const expected = outcome(contractor, steps)!;
    await expect.poll(() => statements.length).toBe(steps.length + 4);
    const verbs = statements.map((s) => (s['verb'] as { id: string }).id.split('/').pop());
    expect(verbs).toEqual([
      'initialized',
      ...steps.map(() => 'answered'),
      'completed',
      expected.overall >= 50 ? 'passed' : 'failed',
      'terminated',
    ]);
    for (const s of statements) {
      const context = s['context'] as {
        registration: string;
        extensions: Record<string, string>;
        contextActivities: { grouping: unknown[] };
      };
      expect(context.registration).toBe('0b6a1d2e-1111-4c6b-9a55-123456789abc');
      expect(context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe('s1');
      expect(context.contextActivities.grouping).toEqual([{ id: 'https://lms.test/course' }]);
      expect(s['actor']).toEqual({ objectType: 'Agent', account: { homePage: 'https://lms.test', name: 'learner-1' } });
    }
    const answered = statements[1] as { result: { response: string; extensions: Record<string, number> } };
    expect(answered.result.response).toBe(steps[0]!.choice);
    expect(Object.keys(answered.result.extensions).every((k) => /^https?:\/\/.+\/xapi\/principles\//.test(k))).toBe(true);
    const completed = statements[steps.length + 1] as {
      result: { completion: boolean; duration: string; extensions: Record<string, { earned: number; max: number }> };
    };
    expect(completed.result.completion).toBe(true);
    expect(completed.result.duration).toMatch(/^PT/);
    expect(Object.values(completed.result.extensions)).toEqual(expected.principles.map((p) => ({ earned: p.earned, max: p.max })));
    const judged = statements[steps.length + 2] as { result: { success: boolean; score: { scaled: number } } };
    expect(judged.result.score.scaled).toBe(expected.overall / 100);
    expect(auth.length).toBeGreaterThan(steps.length);
    expect(auth.every((a) => a === 'Basic dG9rZW4=')).toBe(true);

    // Nothing may follow "terminated": playing again is practice, and the learner is told.
    await page.frameLocator('iframe').getByRole('button', { name: ui.en['player.playAgain'] }).click();
    await playIn(page, steps.slice(0, 1));
    await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
    expect(statements).toHaveLength(steps.length + 4);

    // A later session of the same registration knows the result is recorded: it initializes,
    // answers nothing and completes nothing, and says the run is practice.
    await page.reload();
    await playIn(page, steps.slice(0, 1));
    await expect(page.frameLocator('iframe').getByText(ui.en['lms.practice'])).toBeVisible();
    await page.goto('about:blank');
    await expect
      .poll(() => statements.slice(steps.length + 4).map((st) => (st['verb'] as { id: string }).id.split('/').pop()))
      .toEqual(['initialized', 'terminated']);
  } finally {
    await new Promise<void>((resolve) => lrs.close(() => resolve()));
  }
});
