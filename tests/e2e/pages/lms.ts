// The LMS runtime stubs the packages run in: a SCORM 1.2 harness page around scorm-again's API,
// served inside the browser, and a small cmi5 LMS on loopback that plays the LRS. Both serve the
// contractor's package as the build wrote it to dist/lms/.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import type { Locale } from '../../../src/engine/locales.ts';
import { packageFile } from '../../../src/lms/package-names.ts';
import { ScenarioPlayer } from './player.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** The contractor's package of `kind` in `locale`, unzipped: file name to bytes. */
function lmsPackage(locale: Locale, kind: 'scorm12' | 'cmi5'): Record<string, Uint8Array> {
  return unzipSync(readFileSync(join(root, 'dist', 'lms', packageFile('contractor', locale, kind))));
}

/** The player inside the LMS's frame, in English (the packages the tests launch are English unless they say). */
export const lmsPlayer = (page: Page, lang: Locale = 'en') => new ScenarioPlayer(page.frameLocator('iframe'), lang);

/**
 * The SCORM harness page: scorm-again's SCORM 1.2 API as `window.API`, every session-time write
 * recorded in `window.sessionTimes`, resumed from the suspend data kept in sessionStorage, and
 * the package in a frame.
 */
export const scormHarness = `<!doctype html><html lang="en"><head><title>LMS</title><script src="/scorm12.js"></script></head><body>
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

/** The address the SCORM harness is served at, inside the browser only. */
const scormHost = 'http://lms.test';

/** A SCORM 1.2 LMS inside the browser: the harness at http://lms.test/harness.html, the unpacked package under /pkg/. */
export class ScormLms {
  constructor(readonly page: Page) {}

  /**
   * Serves the package and `harness` (the standard one, or one with its API changed) to the page,
   * then opens the harness. Returns the unpacked package.
   */
  async open(harness = scormHarness): Promise<Record<string, Uint8Array>> {
    const zip = lmsPackage('en', 'scorm12');
    const types: Record<string, string> = {
      html: 'text/html',
      js: 'text/javascript',
      css: 'text/css',
      xml: 'application/xml',
      svg: 'image/svg+xml',
    };
    await this.page.route(`${scormHost}/**`, (route) => {
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
    await this.page.goto(`${scormHost}/harness.html`);
    return zip;
  }

  /** A data model element as the LMS's API returns it (LMSGetValue). */
  value(name: string): Promise<string> {
    return this.page.evaluate((n) => (window as unknown as { API: { LMSGetValue(n: string): string } }).API.LMSGetValue(n), name);
  }

  /** What the LMS would commit now, as JSON (interaction elements are write-only in SCORM 1.2: this is where they show). */
  committed(): Promise<string> {
    return this.page.evaluate(() =>
      JSON.stringify((window as unknown as { API: { renderCommitCMI(t: boolean): unknown } }).API.renderCommitCMI(false)),
    );
  }

  /** The learner leaves: the package's frame is emptied, which ends the session. */
  async leave(): Promise<void> {
    await this.page.evaluate(() => document.querySelector('iframe')!.setAttribute('src', 'about:blank'));
  }
}

/** A cmi5 LMS and LRS on loopback, with what it received. */
export interface Cmi5Lms {
  /** The unpacked package it serves. */
  zip: Record<string, Uint8Array>;
  /** Every statement posted to the LRS, in order. */
  statements: Record<string, unknown>[];
  /** The Authorization header of every LRS request. */
  auth: string[];
  /** Every fetch URL path posted to, in order. */
  fetches: string[];
  /** The LMS's launch page for a session: each session has its own fetch URL. */
  launchUrl(session: string): string;
  /** The last segment of each statement's verb, in order. */
  verbs(): (string | undefined)[];
  /** Stops the LMS. */
  close(): Promise<void>;
}

/**
 * A small LMS on loopback: it serves the unpacked cmi5 package, hands out one auth token per
 * fetch URL (and refuses a second use of one, as cmi5 §8.1.2 lets an LMS do), and plays the LRS.
 */
export async function startCmi5Lms(locale: Locale = 'en'): Promise<Cmi5Lms> {
  const statements: Record<string, unknown>[] = [];
  const auth: string[] = [];
  const fetches: string[] = [];
  const auStates = new Map<string, string>();
  const zip = lmsPackage(locale, 'cmi5');
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
      if (url.pathname === '/xapi/statements' && request.method === 'GET') {
        // A statement by its id, as xAPI's statements resource gives one (Part Three §2.1.3).
        const found = statements.find((st) => st['id'] === url.searchParams.get('statementId'));
        return void (found
          ? response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(found))
          : response.writeHead(404, cors).end());
      }
      if (url.pathname === '/xapi/statements' && request.method === 'POST') {
        // One statement, or a list of them, as xAPI's statements resource takes either.
        statements.push(...[JSON.parse(body) as Record<string, unknown> | Record<string, unknown>[]].flat());
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

/** The registration the LMS launches every session with. */
export const registration = '0b6a1d2e-1111-4c6b-9a55-123456789abc';
/** The learner the LMS launches every session for. */
export const learner = { objectType: 'Agent', account: { homePage: 'https://lms.test', name: 'learner-1' } };
