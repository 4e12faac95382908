// Opening the facilitator console's session: which session it resumes, what it tells the
// facilitator about that, and the wiring that saves each change, sends it to the projector screen
// and follows another console of the same session (another tab).
import type { PlayableScenario } from '../engine/play-view.ts';
import { randomId } from '../browser/support.ts';
import { newSession, type WorkshopSession } from '../workshop/session.ts';
import { openConsoleChannel } from '../workshop/screen-channel.ts';
import { fitsScenario } from '../workshop/view.ts';
import { storageState } from './storage.ts';
import { createWorkshop, type Workshop } from './workshop.ts';
import { latestSession, savedSessions, type Sessions } from './workshops.ts';
import { $consoleLink } from './console-link.ts';
import { formatDay } from '../i18n/dates.ts';
import type { Translate } from '../i18n/messages.ts';

/** What the console says on opening, as message keys of the locale files. */
export type ConsoleNotice =
  | 'workshop.sessionChanged'
  | 'workshop.sessionMissing'
  | 'workshop.storageOff'
  | 'workshop.noScreenLink'
  | 'workshop.sessionsNewer'
  | 'workshop.sessionsUnknown';

export interface OpenedConsole {
  workshop: Workshop;
  notices: ConsoleNotice[];
  /** Stops following other tabs and closes the screen's channel. */
  close(): void;
}

/**
 * Opens the console's session for `scenario`, for the page's address (`page`, the browser's by
 * default): the session its `?session=` names when this browser has it and the scenario still
 * fits it; otherwise a new session, with a notice saying why (the old one stays saved, to
 * export). Without one named, the latest saved session that fits, else a new one named with
 * today's date (`workshop.defaultName` of `t`, the date written in `dateLocale`, a BCP 47 tag
 * such as en-US). The address then names the session opened (`replace`, without a new history
 * entry by default), so a reload or a bookmark resumes it. The session is saved and sent to the
 * screen at once; each change after is saved and sent too. Where nothing can be saved the notice
 * says so: without a channel either, the screen cannot follow at all. Sessions saved in a format
 * this version cannot read (a newer version's, or an unknown one) are never written over, and the
 * notice says so.
 */
export function openConsoleSession(
  scenario: PlayableScenario,
  t: Translate,
  dateLocale: string,
  page: { search: string } = location,
  replace = (query: string) => history.replaceState(null, '', query),
): OpenedConsole {
  const wanted = new URLSearchParams(page.search).get('session') ?? undefined;
  const notices: ConsoleNotice[] = [];
  const saved = savedSessions.read();
  const fits = (s: WorkshopSession) => fitsScenario(scenario, s);
  const found = wanted ? saved.value[wanted] : undefined;
  const usable = found && fits(found) ? found : undefined;
  if (wanted && !usable) notices.push(found ? 'workshop.sessionChanged' : 'workshop.sessionMissing');
  const session =
    usable ||
    (!wanted && latestSession(saved.value, fits)) ||
    newSession(scenario.id, t('workshop.defaultName', { date: formatDay(new Date(), dateLocale) }), new Date(), randomId());

  // This page's copy of the sessions, which changes alone where a newer version's are kept as they are.
  let mine: Sessions = saved.value;
  const save = (s: WorkshopSession) => {
    mine = savedSessions.update((all) => ({ ...all, [s.id]: s }), mine).value;
    channel?.state(s);
  };
  // The console's one channel to its screens, which the live room uses too (see $consoleLink).
  const channel = openConsoleChannel(scenario.id, () => workshop.$session.get());
  // Each action applies to the session as saved now (a change that changes nothing writes
  // nothing), and the console follows what another console of the same session saves: their
  // votes and steps add up.
  const workshop = createWorkshop(scenario, session, save, () => savedSessions.update((all) => all, mine).value[session.id]);
  const unfollow = savedSessions.listen((all) => workshop.follow(all[session.id]));
  save(session);
  if (wanted !== session.id) replace(`?session=${session.id}`);
  if (saved.notice === 'newer' || saved.notice === 'unknown')
    notices.push(saved.notice === 'newer' ? 'workshop.sessionsNewer' : 'workshop.sessionsUnknown');
  if (storageState() !== 'ok') notices.push(channel ? 'workshop.storageOff' : 'workshop.noScreenLink');
  // The live-voting section, outside the console's island, works on this workshop and channel.
  $consoleLink.set({ workshop, screen: channel });
  return {
    workshop,
    notices,
    close() {
      unfollow();
      channel?.close();
    },
  };
}
