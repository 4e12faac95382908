// A page on another site that embeds the course's scenarios, as a blog or a CMS does: served from
// 127.0.0.1 while the course is on localhost, so the two are different sites. Every page logs the
// widgets' events (checks:*) into `window.log`.
import { createServer, type Server } from 'node:http';
import { expect, type Frame, type Page } from '@playwright/test';
import { reported } from '../course-data.ts';
import { courseOrigin } from '../origin.ts';

/** An event a widget dispatched on its element, as the host page logged it. */
export interface HostEvent {
  type: string;
  id: string;
  detail: Record<string, unknown>;
}

/** The host's pages, by path: the widgets each one holds. */
const pages: Record<string, string> = {
  '/two': `<checks-scenario scenario="client" lang="en" id="a"></checks-scenario><checks-scenario scenario="contractor" lang="ru" undo id="b"></checks-scenario>`,
  '/sandboxed': `<checks-scenario scenario="client" lang="en" sandbox id="a"></checks-scenario>`,
  '/report': `<checks-scenario scenario="${reported.scenario.id}" lang="en" id="a"></checks-scenario>`,
  // As many CMSs add scripts: a classic, deferred script instead of a module.
  '/classic': `<checks-scenario scenario="contractor" lang="ru" id="a"></checks-scenario><checks-scenario scenario="nope" id="wrong"></checks-scenario><checks-scenario scenario="nope" id="wrong-linked"><a href="${courseOrigin}/en/">Read the course</a></checks-scenario>`,
};

/** The host site: its pages, what an embedder pasted (served at /pasted exactly as pasted), and the widgets' events. */
export class EmbedHost {
  private pasted = '';
  private constructor(
    private readonly server: Server,
    /** The host's origin, e.g. `http://127.0.0.1:39211`. */
    readonly origin: string,
  ) {}

  /** Starts the host on a free port of 127.0.0.1. */
  static async start(): Promise<EmbedHost> {
    let host: EmbedHost | undefined;
    const server = createServer((request, response) => {
      if (request.url === '/pasted') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void response.end(
          `<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>My blog</h1>\n${host?.pasted ?? ''}\n</body></html>`,
        );
      }
      const body = pages[request.url ?? ''];
      if (!body) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body>
      <h1>A blog post about late payments</h1>
      ${body}
      <script>
        window.log = [];
        for (const type of ['ready', 'settings', 'resize', 'choice', 'undo', 'restart', 'complete']) {
          document.addEventListener('checks:' + type, (event) => window.log.push({ type, id: event.target.id, detail: event.detail }));
        }
      </script>
      ${request.url === '/classic' ? `<script src="${courseOrigin}/embed/v1.js" defer></script>` : `<script type="module" src="${courseOrigin}/embed/v1.js"></script>`}
    </body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = new EmbedHost(server, `http://127.0.0.1:${(server.address() as { port: number }).port}`);
    return host;
  }

  /** Serves `html` at /pasted, inside a plain page, as an embedder pasted it. */
  paste(html: string): void {
    this.pasted = html;
  }

  /** Opens one of the host's pages (`/two`, `/sandboxed`, `/report`, `/classic`, `/pasted`). */
  async open(page: Page, path: string): Promise<void> {
    await page.goto(`${this.origin}${path}`);
  }

  /** The events the page's widgets have dispatched so far. */
  events(page: Page): Promise<HostEvent[]> {
    return page.evaluate(() => (window as unknown as { log: HostEvent[] }).log);
  }

  /** The frame of the widget with element id `id`, once its player has hydrated. */
  async frame(page: Page, id: string): Promise<Frame> {
    const frame = await (await page.locator(`#${id} iframe`).elementHandle())?.contentFrame();
    if (!frame) throw new Error(`widget #${id} has no frame`);
    await frame.waitForSelector('[data-hydrated]');
    return frame;
  }

  /** The iframe is as tall as its content (rounded up) and the frame has no scrollbar of its own. */
  async expectFitted(page: Page, id: string, frame: Frame): Promise<void> {
    await expect
      .poll(async () => {
        const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        const box = await page.locator(`#${id} iframe`).evaluate((el) => el.getBoundingClientRect().height);
        const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > document.documentElement.clientHeight);
        return { fits: Math.abs(box - content) <= 1, scrolls };
      })
      .toEqual({ fits: true, scrolls: false });
  }

  /** Stops the host. */
  close(): Promise<void> {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
