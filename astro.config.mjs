// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { contentCheck } from './src/integrations/content-check.ts';
import { siteUrl } from './src/site.ts';

export default defineConfig({
  site: siteUrl(process.env),
  trailingSlash: 'always',
  integrations: [
    contentCheck({ contentDir: './content' }),
    preact(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', ru: 'ru' } },
      filter: (page) => !/\/embed\/[^/]+\/$/.test(page) || /\/embed\/$/.test(page),
    }),
  ],
});
