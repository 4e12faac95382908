// What a page gives the islands that play a scenario: built at build time (island-props.ts,
// screen-data.ts) and read by the components, so it sits below both.
import type { Locale } from '../engine/locales.ts';
import type { PlayableScenario } from '../engine/play-view.ts';
import type { Message } from '../i18n/messages.ts';
import type { MomentView, StoryViews } from './moment-views.ts';
import type { EndingsData } from '../stores/course-endings.ts';

/** What every island that plays a scenario is given by its page. */
export interface ScenarioIslandProps {
  scenario: PlayableScenario;
  locale: Locale;
  /** The UI strings the island needs, in its language. */
  messages: Record<string, Message>;
}

/** What the islands that show moments are given besides: each in its medium, and the money in view. */
export interface StoryIslandProps extends ScenarioIslandProps {
  story: StoryViews;
}

/** What the islands that play and save a run are given besides. */
export interface PlayerIslandProps extends StoryIslandProps {
  /**
   * The scenario's `fingerprint` (engine/stored-run.ts), worked out at build time, so saving a
   * run never walks the graph in the browser.
   */
  fingerprint: string;
}

/** The other perspective's view of a moment, shown read-only. */
export interface Counterpart {
  scenarioTitle: string;
  /** The title of the other side's moment. */
  title: string;
  /** The title of this scenario's moment linked to it, in this page's language: the player names it beside the other side's view. */
  at: string;
  situation: string;
  /** The moment in its medium, in the other scenario's words; absent at an ending. */
  moment?: MomentView;
}

/**
 * The other side's view of each moment a run visited that has one (`meanwhile`, from
 * `EndingsData`, by this scenario's node id), in the order visited: what the player's outcome
 * shows as "meanwhile". None until the endings' data has arrived.
 */
export function visitedMeanwhile(
  visited: readonly string[],
  meanwhile: EndingsData['meanwhile'] | undefined,
): { id: string; html: string }[] {
  return visited.flatMap((id) => {
    const html = meanwhile?.[id];
    return html === undefined ? [] : [{ id, html }];
  });
}

/**
 * The strings only the player's outcome shows (components/Outcome.tsx, OutcomeParts.tsx,
 * PlayerOutcome.tsx, CourseOutcome.tsx), each by its key, or a namespace ending in "." for all of
 * its keys: the scenario page leaves them out and they come with the endings
 * (`EndingsData.messages`), which the outcome waits for. The grades, the live line that announces
 * one, and what an ending shows while they load or after they failed (Play again among it) stay in
 * the page (`coursePlayerMessages`).
 */
export const outcomeMessages = [
  'player.scores',
  'player.scoreOf',
  'player.scoreBelowZero',
  'player.overall',
  'player.overallValue',
  'player.story.better',
  'player.story.worse',
  'player.meanwhile',
  'player.meanwhileAt',
  'player.next',
  'player.playOther',
  'player.allStrongest',
  'player.band',
  'player.bands',
  'player.comparePaths',
  'player.debrief',
  'player.leftRecommended',
  'player.maxNote',
  'player.nearMisses',
  'player.nearMissDown',
  'player.nearMissUp',
  'player.partedFromReal',
  'player.realOutcome',
  'player.sameAsReal',
  'player.sameAsRecommended',
  'player.strongerOn',
  'player.weaker',
  'player.weakerOn',
  'player.recommendedScore',
] as const;

/**
 * The namespaces of the strings the course player is given in its page, less `outcomeMessages`.
 * Not `storage.`: the player says what happened to saved progress in the page's notice line
 * (scripts/storage-notice.ts), whose texts the page carries.
 */
export const coursePlayerMessages = ['player.', 'principle.', 'grade.'] as const;
