// `npm run audit`: Lighthouse (mobile preset) on each page type in both languages (both scenario
// pages), against the built site served locally (text compressed, as a static host sends it),
// on a port the system picks, in the system's Chromium. Each page is audited several times and the median run is reported, as Lighthouse's
// authors advise for scores that vary from run to run. Advisory: it prints the four category
// scores and the main timings, and does not fail the tests.
//   npm run audit               three runs a page
//   npm run audit -- --runs=5   more runs, steadier figures
//   npm run audit -- --pages=scenarios/client/,progress/   only these pages (after the locale)
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import type { Result } from 'lighthouse';
import { launch } from 'chrome-launcher';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { startServer } from './serve.ts';
import { findChromium } from './chromium.ts';
import { locales } from '../engine/locales.ts';

const allPages = [
  '',
  'lessons/warn-first/',
  'scenarios/client/',
  'scenarios/contractor/',
  'scenarios/client/text/',
  'progress/',
  'templates/',
  'glossary/',
  'about/',
  'facilitate/',
  'facilitate/contractor/',
  'facilitate/contractor/screen/',
  'embed/',
  'embed/client/',
];
const pagesArg = process.argv.find((a) => a.startsWith('--pages='))?.slice('--pages='.length);
const pages = pagesArg ? allPages.filter((p) => pagesArg.split(',').includes(p)) : allPages;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const timings = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
] as const;

const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 3;
if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error(`--runs takes a whole number from 1 to 20, not "${runsArg?.slice('--runs='.length)}".`);
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  console.error('No build in dist/: run `npm run build` first.');
  process.exit(1);
}
const chromePath = findChromium();
if (!chromePath) throw new Error('No Chromium found for Lighthouse: set CHROMIUM_PATH.');
// A port the system picks, so an audit never collides with another server on this machine.
const server = startServer({ port: 0 });
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
const chrome = await launch({
  chromePath,
  chromeFlags: [
    '--headless=new',
    '--disable-gpu',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});

const header = `${'page'.padEnd(36)} perf  a11y  best   seo     FCP     LCP    TBT   CLS`;
const rows: string[] = [];
const belowTarget: string[] = [];
console.log(`Lighthouse, mobile preset, median of ${runs} run${runs === 1 ? '' : 's'} a page.\n${header}`);
try {
  for (const locale of locales) {
    for (const page of pages) {
      const path = `/${locale}/${page}`;
      const results: Result[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`http://localhost:${port}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...categories],
        });
        if (result) results.push(result.lhr);
      }
      const lhr = computeMedianRun(results);
      // Embed frames and the projector screen are noindex: SEO does not apply to them.
      const noindex = /^embed\/.+|screen\/$/.test(page);
      const scores = categories.map((c) => {
        if (c === 'seo' && noindex) return ' n/a';
        const value = lhr.categories[c]?.score;
        if (value === null || value === undefined) return '   –';
        const score = Math.round(value * 100);
        if (score < 100) belowTarget.push(`${path} ${c} ${score}`);
        return String(score).padStart(4);
      });
      const ms = timings.map(([id]) =>
        `${Math.round(lhr.audits[id]?.numericValue ?? 0)} ms`.padStart(id === 'total-blocking-time' ? 6 : 7),
      );
      const cls = (lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(2).padStart(5);
      rows.push(`${path.padEnd(36)} ${scores.join('  ')} ${ms.join(' ')} ${cls}`);
      console.log(rows[rows.length - 1]);
      for (const c of categories) {
        if (c === 'seo' && noindex) continue;
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
            console.log(`    ${c}: ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
  }
} finally {
  chrome.kill();
  server.close();
}
console.log(`\n${header}\n${rows.join('\n')}\n(SEO does not apply to embed frames and the projector screen, which are noindex.)`);
console.log(belowTarget.length ? `\nBelow 100:\n  ${belowTarget.join('\n  ')}` : '\nEvery page scores 100 in every category that applies.');
