// What a page gives the islands that play a scenario: built at build time (island-props.ts,
// screen-data.ts) and read by the components, so it sits below both.
import type { Locale } from '../engine/locales.ts';
import type { PlayableScenario } from '../engine/play-view.ts';
import type { Message } from '../i18n/messages.ts';
import type { MomentView, StoryViews } from './moment-views.ts';

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
 * What the course player fetches once a run reaches an ending (or opens at one): the endings'
 * texts and debriefs, which its scenario carries empty (`withoutEndingTexts`), and the other
 * side's view of the moments linked to it, shown beside the outcome. The address is the
 * island's `endings` prop.
 */
export interface EndingsData {
  /** Each ending's `text` and `debrief`, by ending id, as authored (variants included). */
  endings: Record<string, Pick<Extract<PlayableScenario['nodes'][number], { type: 'ending' }>, 'text' | 'debrief'>>;
  /**
   * By this scenario's node id, the other side's view of that moment (`Counterpart`) as the HTML
   * inside its <details>, rendered at build time (components/CounterpartBody.tsx).
   */
  meanwhile: Record<string, string>;
}
