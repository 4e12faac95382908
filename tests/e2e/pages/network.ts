// Holding a response back, as a slow connection does: a player's code that arrives after the
// learner has clicked, an endings' file that arrives after the ending.
import type { Page } from '@playwright/test';

/**
 * Holds back every request `page` makes for `url` (a glob, as `page.route` takes) until the
 * function this resolves to is called; each then goes on to the server unchanged.
 */
export async function holdBack(page: Page, url: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
