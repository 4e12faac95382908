// Where the end-to-end tests find the course: the same SITE_URL the build baked into its
// absolute addresses (embed snippets, oEmbed), so two checkouts can test side by side on two
// ports (`SITE_URL=http://localhost:4402 npm test`).
import { siteUrl } from '../../src/site.ts';

/** The course's origin, e.g. `http://localhost:4321`. */
export const courseOrigin = siteUrl(process.env);

/** The port the test server listens on, taken from the origin. */
export const coursePort = Number(new URL(courseOrigin).port || 80);

/**
 * The name phones reach the live server at in the tests: not localhost, so the join page runs as
 * on a real phone over plain http (not a secure context). Chromium maps it to loopback with
 * --host-resolver-rules.
 */
export const phoneHost = 'workshop.test';
