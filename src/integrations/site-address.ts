// Says, at the start and again at the end of every build, which address the build bakes into its
// absolute URLs (SITE_URL, by default http://localhost:4321): a build for the wrong address is
// the most common reason an embed snippet or a shared link fails on a real host.
import type { AstroIntegration } from 'astro';
import { defaultSiteUrl } from '../site.ts';

/** What a build puts the site's address into, in words for the build's log. */
export const bakedInto =
  'canonical links, the sitemap, embed snippets, oEmbed, the catalogue (/scenarios.json), the projector’s QR code and the LMS packages’ identifiers (cmi5 course and AU ids, xAPI activity and extension IRIs)';

/** The build's own sentence about the address it baked in; a warning when it is the local default. */
export function siteAddressMessage(site: string): { level: 'info' | 'warn'; text: string } {
  return site === defaultSiteUrl
    ? {
        level: 'warn',
        text: `Built for ${site} (SITE_URL is not set): ${bakedInto} point there. Fine for trying the course on this machine; for a real host build with SITE_URL=https://your.host npm run build.`,
      }
    : { level: 'info', text: `Built for ${site}: ${bakedInto} point there.` };
}

export function siteAddress(): AstroIntegration {
  let message: ReturnType<typeof siteAddressMessage> | undefined;
  return {
    name: 'course-site-address',
    hooks: {
      'astro:config:done': ({ config }) => {
        message = siteAddressMessage(new URL(config.site ?? defaultSiteUrl).origin);
      },
      'astro:build:start': ({ logger }) => {
        if (message) logger[message.level](message.text);
      },
      'astro:build:done': ({ logger }) => {
        if (message) logger[message.level](message.text);
      },
    },
  };
}
