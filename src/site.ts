/** Where the course is served from when SITE_URL is not set: `npm start` and the tests. */
export const defaultSiteUrl = 'http://localhost:4321';

/** The absolute origin for sitemap, canonical and alternate links, from SITE_URL. */
export function siteUrl(env: Record<string, string | undefined>): string {
  const value = env['SITE_URL']?.trim();
  if (!value) return defaultSiteUrl;
  try {
    return new URL(value).origin;
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://course.example.org, got "${value}".`);
  }
}
