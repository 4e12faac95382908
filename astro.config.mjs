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
import { siteAddress } from './src/integrations/site-address.ts';
import { siteUrl } from './src/site.ts';

export default defineConfig({
  site: siteUrl(process.env),
  trailingSlash: 'always',
  integrations: [
    buildTimer(),
    siteAddress(),
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
          codeSplitting: {
            groups: [
              { name: 'preact', test: /node_modules[\\/]preact[\\/]/ },
              { name: 'on-click-xlsx', test: /node_modules[\\/](?:write-excel-file|fflate)[\\/]|src[\\/]workshop[\\/]xlsx\.ts$/ },
            ],
          },
        },
      },
    },
  },
});
