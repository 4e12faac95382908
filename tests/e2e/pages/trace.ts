// What a browser did while a test acted: a DevTools trace, read for layouts a script forced
// (src/cli/trace-layouts.ts), and what has focus once frames have gone by, read without geometry.
import type { Locator, Page } from '@playwright/test';
import type { TraceEvent } from '../../../src/cli/trace-layouts.ts';

/**
 * The trace events (`devtools.timeline`) of `page` while `act` runs. An `act` that reads the
 * page's geometry (as Playwright's locators do) lays the page out itself: use keys and
 * `focusedAfterFrames` inside it.
 */
export async function traceWhile(page: Page, act: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await act();
  const stopped = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await stopped;
  await cdp.detach();
  return events;
}

/** Whether the browser shows the focus ring on `locator`'s element (`:focus-visible`). */
export const focusRingShown = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el.matches(':focus-visible'));

/** Whether what has focus matches `selector` after two frames have gone by: reads no geometry. */
export const focusedAfterFrames = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate(
    (focused) =>
      new Promise<boolean>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done(!!document.activeElement?.matches(focused)))),
      ),
    selector,
  );
