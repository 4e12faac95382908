// The facilitator's pages' addresses, built in one place: the pages that list saved sessions,
// run the console and show the projector screen (src/pages/[locale]/facilitate/).

/** The facilitator's landing page, where saved sessions are listed and exported, e.g. /en/facilitate/. */
export const sessionsPath = (locale: string): string => `/${locale}/facilitate/`;

/**
 * The console of a scenario (an id), e.g. /en/facilitate/contractor/; with `session` (an id), the
 * address that resumes that session.
 */
export const consolePath = (locale: string, scenario: string, session?: string): string =>
  `${sessionsPath(locale)}${scenario}/${session ? `?session=${session}` : ''}`;

/** The projector screen of a scenario (an id), e.g. /en/facilitate/contractor/screen/. */
export const screenPath = (locale: string, scenario: string): string => `${sessionsPath(locale)}${scenario}/screen/`;
