// @ts-check
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { contentCheck } from './src/integrations/content-check.ts';
import { lmsPackages } from './src/integrations/lms-packages.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { modulePreload } from './src/integrations/module-preload.ts';
import { islandScripts } from './src/integrations/island-scripts.ts';
import { buildTimer } from './src/integrations/build-timer.ts';
import { siteAddress } from './src/integrations/site-address.ts';
import { siteUrl } from './src/site.ts';

/**
 * Vite wraps every dynamic import in a preload helper, with the list of files to preload, even
 * with modulePreload off (vitejs/vite issue 18551): 1.2 KB gzipped on each page that loads code on
 * demand. Our on-demand chunks have no CSS (stylesheets are inlined) and nothing is preloaded, so
 * the helper only has to call the import, and the list can be empty.
 * @returns {import('vite').Plugin}
 */
function withoutPreloadHelper() {
  return {
    name: 'course-without-preload-helper',
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.name === 'preload-helper')
          chunk.code = `const p=(f)=>f();export{${chunk.exports.map((name) => `p as ${name}`).join(',')}};\n`;
      }
    },
    // The list of files is written into the chunks after the bundle is generated: it is emptied in
    // the written files, and the helper that only calls the import is written where it is used.
    writeBundle(options, bundle) {
      const helper = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.name === 'preload-helper');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !options.dir) continue;
        const file = join(options.dir, chunk.fileName);
        const code = readFileSync(file, 'utf8');
        let emptied = code.replace(
          /const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=\[[^\]]*\]\)\)\)=>i\.map\(i=>d\[i\]\);/,
          'const __vite__mapDeps=()=>[];',
        );
        if (helper) {
          const name = helper.fileName.split('/').pop() ?? '';
          emptied = emptied.replace(new RegExp(`import\\{t as (\\w+)\\}from"\\./${name.replace(/\./g, '\\.')}";`), 'const $1=(f)=>f();');
        }
        if (emptied !== code) writeFileSync(file, emptied);
      }
    },
  };
}

export default defineConfig({
  site: siteUrl(process.env),
  trailingSlash: 'always',
  integrations: [
    buildTimer(),
    siteAddress(),
    contentCheck({ contentDir: './content' }),
    lmsPackages(),
    modulePreload(),
    // Before the service worker, which precaches the files it writes.
    islandScripts(),
    serviceWorker(),
    preact(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', ru: 'ru' } },
      // Frames, the projector screen, the map fragment and the phones' join page are not pages to find through a search engine.
      filter: (page) => !/\/embed\/[^/]+\/$|\/screen\/$|\/scenarios\/[^/]+\/map\/$|\/join\/$/.test(page),
    }),
  ],
  // Page CSS is small (the weight gate keeps it under 12 KB): inline it rather than block the
  // first paint on another request.
  build: { inlineStylesheets: 'always' },
  // Caches inside the checkout (.astro/ is ignored), not inside node_modules: two checkouts that
  // share one installed node_modules (a linked or hoisted install) never serve each other's content.
  cacheDir: './.astro/cache',
  vite: {
    cacheDir: './.astro/vite',
    plugins: [withoutPreloadHelper()],
    build: {
      // Code loaded on an action (the spreadsheet writer) is fetched when asked for, not preloaded.
      modulePreload: false,
      rolldownOptions: {
        output: {
          // Code a page loads only on a click gets a chunk named on-click-…, which `npm run measure`
          // counts apart from the page's budget: here the spreadsheet writer of the saved sessions.
          // The rest is grouped by who loads it, so a page loads a few chunks rather than one per
          // combination of pages that share a module: each compressed file costs its own overhead
          // (its own compression dictionary, its imports and exports), and one file compresses
          // better than the same code in several. Each group is a set of modules the same pages
          // need: shared (Preact with its hooks and JSX runtime, nanostores and the store of a
          // persisted value, the run engine, and the parts the saved sessions and the progress page both show: every page
          // with a Vite-built island loads all of it), stored-run, progress (the learner's progress
          // store) and typography (which the phone's join page shares too). A group takes its
          // modules' imports with it unless a group of higher priority took them first, so a module
          // shared more widely sits in a higher group. The players, the facilitator's console and
          // the projector screen are bundled apart, each in a file of its own
          // (islands/island-script.ts).
          codeSplitting: {
            groups: [
              {
                name: 'shared',
                test: /node_modules[\\/](preact|nanostores)[\\/]|src[\\/](stores[\\/]persisted-store|engine[\\/](graph|run|scoring|paths|vocabulary|texts|compare|play-view)|components[\\/](PlayerParts|use-store)|i18n[\\/]messages|islands[\\/]hydrate)\./,
                priority: 40,
              },
              { name: 'stored-run', test: /src[\\/]engine[\\/]stored-run\./, priority: 35 },
              // The guards of outside data and the storage keys, which the workshop's pages and the phone's
              // join page share with progress and stored runs: apart, so those pages do not load the progress
              // and stored-run chunks for a few lines.
              { name: 'guards', test: /src[\\/](engine[\\/]guards|browser[\\/]storage-keys)\./, priority: 36 },
              // The persisted-value module and the storage under it, which saved progress, the saved sessions,
              // embedded runs and the phone's token share: apart, so the facilitator's landing page does not
              // load the progress and stored-run chunks with it, and the phone's join page not the shared
              // chunk (the nanostores store of a persisted value, persisted-store.ts, is in shared). Below
              // the guards' group, which must keep the guards: the join page loads those alone.
              { name: 'persisted', test: /src[\\/]stores[\\/](persisted|storage)\./, priority: 34 },
              // The phone's join page shares only this with the others: alone, it keeps that page small.
              { name: 'typography', test: /src[\\/]i18n[\\/]typography\./, priority: 45 },
              { name: 'progress', test: /src[\\/]stores[\\/](progress|progress-format)\./, priority: 20 },
              { name: 'on-click-xlsx', test: /node_modules[\\/](?:write-excel-file|fflate)[\\/]|src[\\/]workshop[\\/]xlsx\.ts$/ },
            ],
          },
        },
      },
    },
  },
});
