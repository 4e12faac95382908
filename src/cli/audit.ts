// `npm run audit`: Lighthouse (mobile preset) on each page type in both languages, against the
// built site served locally, in the system's Chromium. Advisory: it prints the four category
// scores and does not fail the tests.
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { existsSync } from 'node:fs';
import { startServer } from './serve.ts';
import { findChromium } from '../../tests/e2e/browser.ts';

const port = 4399;
const pages = ['', 'lessons/warn-first/', 'scenarios/client/', 'progress/', 'facilitate/contractor/', 'embed/client/'];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

if (!existsSync('dist/index.html')) {
  console.error('No build in dist/: run `npm run build` first.');
  process.exit(1);
}
const chromePath = findChromium();
if (!chromePath) throw new Error('No Chromium found for Lighthouse: set CHROMIUM_PATH.');
const server = startServer({ port });
const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--disable-gpu', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const rows: string[] = [];
try {
  for (const locale of ['en', 'ru']) {
    for (const page of pages) {
      const url = `http://localhost:${port}/${locale}/${page}`;
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      const lhr = result!.lhr;
      const score = (c: string) => {
        const value = lhr.categories[c]?.score;
        return value === null || value === undefined ? '  –' : String(Math.round(value * 100)).padStart(3);
      };
      const noindex = page.startsWith('embed/');
      rows.push(`${`/${locale}/${page}`.padEnd(34)} ${categories.map((c) => (c === 'seo' && noindex ? 'n/a' : score(c))).join('  ')}`);
      console.log(rows[rows.length - 1]);
      for (const c of categories) {
        if (c === 'seo' && noindex) continue;
        const category = lhr.categories[c];
        for (const ref of category?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) console.log(`    ${c}: ${audit.id} (${audit.title})`);
        }
      }
    }
  }
} finally {
  chrome.kill();
  server.close();
}
console.log(`\n${'page'.padEnd(34)} perf  a11y  best  seo\n${rows.join('\n')}\n(SEO does not apply to embed frames, which are noindex.)`);
