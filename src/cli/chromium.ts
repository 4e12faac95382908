// Finds a Chromium for the end-to-end tests, the audit and the peer benchmark: an environment
// variable first, then Playwright's own download, then the system's. `node src/cli/chromium.ts
// --check` stops with one clear line when there is none.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const systemBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const fromEnv = env['CHROMIUM_PATH'] ?? env['PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
  if (fromEnv) return fromEnv;
  const playwrights = chromium.executablePath();
  if (playwrights && existsSync(playwrights)) return playwrights;
  return systemBrowsers.find((path) => existsSync(path));
}

export const noBrowserMessage =
  'No Chromium found: run `npx playwright install chromium`, or install your distribution’s package (Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROMIUM_PATH.';

if (process.argv.includes('--check')) {
  const path = findChromium();
  if (!path || !existsSync(path)) {
    console.error(noBrowserMessage);
    process.exit(1);
  }
}
