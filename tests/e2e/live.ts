// Helpers for the live-room tests: phones in their own browser, where the server's public name
// (not localhost) maps to loopback, so the join page runs over plain http as on a real phone; and
// a second live server the tests can kill and restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { findChromium } from '../../src/cli/chromium.ts';
import { phoneHost } from './origin.ts';
import { ui } from './course-data.ts';
import type { Locale } from '../../src/i18n/locales.ts';

/** A browser for phones: `phoneHost` resolves to this machine's loopback. */
export function phoneBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium()!,
    args: [`--host-resolver-rules=MAP ${phoneHost} 127.0.0.1`, '--disable-gpu', '--no-first-run'],
  });
}

/** Opens a phone at a join address and waits until it shows the room's moment. */
export async function openPhone(browser: Browser, joinUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });
  const phone = await context.newPage();
  await phone.goto(joinUrl);
  await expect(phone.locator('#join-moment')).not.toBeEmpty();
  return phone;
}

/** Starts live voting on an open console in `locale`; returns the join code, the join address and the room id. */
export async function startLive(console: Page, locale: Locale = 'en'): Promise<{ code: string; join: string; room: string }> {
  await console.getByRole('button', { name: ui[locale]['live.start'] }).click();
  const joinLine = console.locator('.live-join');
  await expect(joinLine).toContainText('/j/');
  const text = (await joinLine.textContent()) ?? '';
  const join = /(https?:\/\/\S+\/j\/[A-Z0-9]{6})/.exec(text)![1]!;
  const screenLink = (await console.locator('.live code').textContent()) ?? '';
  return { code: join.slice(-6), join, room: new URL(screenLink).searchParams.get('room')! };
}

/** A live server of its own on `port` (the tests' range 4460-4469, loopback only), with its rooms in `database`. */
export class LiveServer {
  private process: ChildProcess | undefined;
  readonly port: number;
  readonly database: string;
  constructor(port: number) {
    this.port = port;
    this.database = join(mkdtempSync(join(tmpdir(), 'live-e2e-')), 'rooms.db');
  }

  get origin(): string {
    return `http://localhost:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(process.execPath, ['src/cli/serve.ts'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LIVE_DB: this.database,
        PUBLIC_URL: `http://${phoneHost}:${this.port}`,
      },
      stdio: 'ignore',
    });
    await expect
      .poll(
        async () =>
          fetch(`http://127.0.0.1:${this.port}/live/`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 20_000 },
      )
      .toBe(200);
  }

  /** Kills the server at once, as a crash or a pulled plug would: no orderly shutdown. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }
}
