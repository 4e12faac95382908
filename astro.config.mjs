// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { contentCheck } from './src/integrations/content-check.ts';
import { lmsPackages } from './src/integrations/lms-packages.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { modulePreload } from './src/integrations/module-preload.ts';
import { buildTimer } from './src/integrations/build-timer.ts';
import { siteUrl } from './src/site.ts';

export default defineConfig({
  site: siteUrl(process.env),
  trailingSlash: 'always',
  integrations: [
    buildTimer(),
    contentCheck({ contentDir: './content' }),
    lmsPackages(),
    modulePreload(),
    serviceWorker(),
    preact(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', ru: 'ru' } },
      // Frames, the projector screen and the map fragment are not pages to find through a search engine.
      filter: (page) => !/\/embed\/[^/]+\/$|\/screen\/$|\/scenarios\/[^/]+\/map\/$/.test(page),
    }),
  ],
  // Page CSS is small (the weight gate keeps it under 12 KB): inline it rather than block the
  // first paint on another request.
  build: { inlineStylesheets: 'always' },
  vite: {
    build: {
      rolldownOptions: {
        output: {
          // Preact, its hooks and its JSX runtime travel together: every island needs all three,
          // and one compressed file costs a page less than three (measured with npm run measure).
          // Code a page loads only on a click (the spreadsheet writer) gets a chunk named on-click-…,
          // which `npm run measure` counts apart from the page's budget.
          // The rest is grouped by who loads it, so a page loads a few chunks rather than one per
          // combination of pages that share a module (each compressed file costs its own overhead:
          // the facilitator's console went from eight chunks to six, 0.4 KB lighter, and back
          // within its budget). Each group is a set of modules the same pages need: core (the run
          // engine and storage: every page with progress), stored-run (not the facilitator's
          // pages), progress (the learner's progress store) and parts (what the console, the
          // screen, the saved sessions and the progress page share). A group takes its modules'
          // imports with it unless a group of higher priority took them first, so a module shared
          // more widely sits in a higher group. The two players themselves are bundled apart and
          // inlined in their pages (islands/inline-script.ts).
          codeSplitting: {
            groups: [
              { name: 'preact', test: /node_modules[\\/]preact[\\/]/, priority: 50 },
              {
                name: 'core',
                test: /node_modules[\\/]nanostores[\\/]|src[\\/](stores[\\/]storage|engine[\\/](graph|run))\./,
                priority: 40,
              },
              { name: 'stored-run', test: /src[\\/]engine[\\/]stored-run\./, priority: 35 },
              { name: 'progress', test: /src[\\/]stores[\\/](progress|progress-format)\./, priority: 20 },
              {
                name: 'parts',
                test: /src[\\/](engine[\\/](scoring|paths|vocabulary|texts|compare)|stores[\\/]play-view|components[\\/]PlayerParts|i18n[\\/](messages|typography)|islands[\\/](use-store|hydrate))\./,
                priority: 30,
              },
              { name: 'on-click-xlsx', test: /node_modules[\\/](?:write-excel-file|fflate)[\\/]|src[\\/]workshop[\\/]xlsx\.ts$/ },
            ],
          },
        },
      },
    },
  },
});
