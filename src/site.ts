import { authorError } from './course/build-errors.ts';

/** Where the course is served from when SITE_URL is not set: `npm start` and the tests. */
export const defaultSiteUrl = 'http://localhost:4321';

/**
 * The absolute origin for sitemap, canonical and alternate links, from SITE_URL. Throws an
 * AstroError with a hint when SITE_URL is set but is no absolute URL.
 */
export function siteUrl(env: Record<string, string | undefined>): string {
  const value = env['SITE_URL']?.trim();
  if (!value) return defaultSiteUrl;
  if (!URL.canParse(value) || new URL(value).origin === 'null') {
    throw authorError(
      `SITE_URL must be an absolute URL such as https://course.example.org, got "${value}".`,
      `Set SITE_URL to the address the course is served from, with its scheme (SITE_URL=https://course.example.org npm run build), or leave it unset for ${defaultSiteUrl}. The sitemap, the canonical and alternate links and the packages all start from it.`,
    );
  }
  return new URL(value).origin;
}
