// Every key under which the course keeps something in the browser (localStorage, or
// sessionStorage for cmi5 and the language chooser), in one place: a key changed or reused by mistake would lose a
// learner's progress, a facilitator's sessions or a phone's vote. The stores, the inline theme
// scripts (through layouts/boot/minify.ts) and the tests import them from here. Each is written out
// whole, so a page's bundle carries only the keys it uses. All begin `checks-in-the-mail/`.

/** The course's progress: lessons, scenario runs and results, the certificate's name. */
export const progressKey = 'checks-in-the-mail/progress';
/** The facilitator's saved workshop sessions. */
export const workshopsKey = 'checks-in-the-mail/workshops';
/** The live rooms this browser's consoles started, with their secrets, by session id. */
export const liveRoomsKey = 'checks-in-the-mail/live-rooms';
/** A phone's join code and vote token in a live room. */
export const livePhoneKey = 'checks-in-the-mail/live-phone';
/** The learner's light or dark theme. */
export const themeKey = 'checks-in-the-mail/theme';
/** That the visitor chose a language at / in this tab (sessionStorage), so it no longer sends a Russian-language browser to /ru/. */
export const choseLanguageKey = 'checks-in-the-mail/chose-language';
/**
 * How far the learner has read in a course scenario in this tab (sessionStorage), by scenario id:
 * the steps of the run whose last feedback they left with Continue, so a reload comes back past
 * it (stores/course-player.ts).
 */
export const readToKey = (scenario: string) => `checks-in-the-mail/read-to/${scenario}`;
/** Written and removed at once to learn whether localStorage takes a write (stores/storage.ts, `storageTakesWrites`). */
export const probeKey = 'checks-in-the-mail/probe';
/** An embedded scenario's run, one per scenario id. */
export const embedRunKey = (scenario: string) => `checks-in-the-mail/embed/${scenario}`;
/** A cmi5 session's state in its tab (sessionStorage), by registration id. */
export const cmi5SessionKey = (registration: string) => `checks-in-the-mail/cmi5/${registration}`;
