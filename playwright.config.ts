import { defineConfig, devices } from '@playwright/test';
import { findChromium, noBrowserMessage } from './src/cli/chromium.ts';
import { courseOrigin, coursePort, phoneHost } from './tests/e2e/origin.ts';

const executablePath = findChromium();
if (!executablePath) throw new Error(noBrowserMessage);

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: courseOrigin,
    // The offline test allows the service worker; elsewhere it would only precache the site in
    // every fresh context.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // One build (made by `npm test` before this runs) and one server for every test: the course and
  // its live rooms, on loopback only. Phones join at a name that is not localhost (see live.spec.ts).
  webServer: {
    command: `node src/cli/serve.ts`,
    url: `${courseOrigin}/en/`,
    reuseExistingServer: !process.env['CI'],
    env: {
      PORT: String(coursePort),
      HOST: '127.0.0.1',
      LIVE_DB: 'test-results/live-e2e.db',
      PUBLIC_URL: `http://${phoneHost}:${coursePort}`,
    },
    timeout: 60_000,
  },
});
