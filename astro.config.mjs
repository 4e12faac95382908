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
import { buildTimer } from './src/integrations/build-timer.ts';
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
    // The list of files is written into the chunks after the bundle is generated: it is emptied in the written files.
    writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !options.dir) continue;
        const file = join(options.dir, chunk.fileName);
        const code = readFileSync(file, 'utf8');
        const emptied = code.replace(
          /const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=\[[^\]]*\]\)\)\)=>i\.map\(i=>d\[i\]\);/,
          'const __vite__mapDeps=()=>[];',
        );
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
    contentCheck({ contentDir: './content' }),
    lmsPackages(),
    serviceWorker(),
    preact(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', ru: 'ru' } },
      // Frames, the projector screen and the phones' join page are not pages to find through a search engine.
      filter: (page) => !/\/embed\/[^/]+\/$|\/screen\/$|\/join\/$/.test(page),
    }),
  ],
  // Page CSS is small (the weight gate keeps it under 12 KB): inline it rather than block the
  // first paint on another request.
  build: { inlineStylesheets: 'always' },
  vite: {
    plugins: [withoutPreloadHelper()],
    build: {
      // Code loaded on an action (the QR maker, live voting) is fetched when asked for, not preloaded.
      modulePreload: false,
      rolldownOptions: {
        output: {
          // Preact, its hooks and its JSX runtime travel together: every island needs all three,
          // and one compressed file costs a page less than three (measured with npm run measure).
          codeSplitting: { groups: [{ name: 'preact', test: /node_modules[\\/]preact[\\/]/ }] },
        },
      },
    },
  },
});
