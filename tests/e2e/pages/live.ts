// Phones in a live room and a live server the tests can kill. Phones run in a browser of their
// own, where the server's public name (not localhost) maps to loopback, so the join page runs over
// plain http, as on a real phone on the room's network.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, expect, type Page } from '@playwright/test';
import { findChromium, noBrowserMessage } from '../../../src/cli/chromium.ts';
import { phoneHost } from '../origin.ts';

/** A phone's screen and input: 390×844 CSS px, touch. */
export const phoneDevice = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
} as const satisfies BrowserContextOptions;

/** Phones joining a room: each one its own context in one browser, launched on first use. */
export class Phones {
  private browser: Browser | undefined;

  /** A blank phone; `phoneHost` resolves to this machine's loopback. */
  async newPhone(): Promise<Page> {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(noBrowserMessage);
    this.browser ??= await chromium.launch({
      executablePath,
      args: [`--host-resolver-rules=MAP ${phoneHost} 127.0.0.1`, '--disable-gpu', '--no-first-run'],
    });
    const context = await this.browser.newContext({ ...phoneDevice, serviceWorkers: 'block' });
    return context.newPage();
  }

  /** A phone at a join address, once it shows the room's moment. */
  async join(joinUrl: string): Promise<Page> {
    const phone = await this.newPhone();
    await phone.goto(joinUrl);
    await expect(phone.locator('#join-moment')).not.toBeEmpty();
    return phone;
  }

  /** Closes every phone. */
  async close(): Promise<void> {
    await this.browser?.close();
  }
}

/** A live server of its own on `port` (the tests' range 4460-4469, loopback only), with its rooms in a fresh database. */
export class LiveServer {
  private process: ChildProcess | undefined;
  readonly database = join(mkdtempSync(join(tmpdir(), 'live-e2e-')), 'rooms.db');
  constructor(readonly port: number) {}

  /** Where the server answers, e.g. `http://localhost:4461`. */
  get origin(): string {
    return `http://localhost:${this.port}`;
  }

  /** Starts the server (again, after a kill, on the same database) and waits until it answers. */
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

  /**
   * Stops the server as a trainer does, with Ctrl+C (SIGINT), and resolves once its process has
   * exited; throws if it is still running after `within` ms (open event streams kept it alive).
   */
  async stop(within = 10_000): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGINT');
    const late = new Promise((_, fail) =>
      setTimeout(() => fail(new Error(`the server was still running ${within} ms after Ctrl+C`)), within).unref(),
    );
    await Promise.race([exited, late]);
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
