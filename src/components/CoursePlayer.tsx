// The self-paced course's player: runs are saved in this browser, resume on return and follow
// other tabs (stores/course-player.ts); the endings come when a run reaches one
// (stores/course-endings.ts).
import { Component, type RefObject } from 'preact';
import ScenarioPlayer from './ScenarioPlayer.tsx';
import { $storageNotice } from '../stores/progress.ts';
import { hideIslandFailed, islandData } from '../browser/island-data.ts';
import { type CourseLink, CourseOutcome, OutcomeWaiting } from './CourseOutcome.tsx';
import { createCoursePlayer } from '../stores/course-player.ts';
import { followEndings, type EndingsData } from '../stores/course-endings.ts';
import { translator } from '../i18n/messages.ts';
import { showStorageNotice } from '../scripts/storage-notice.ts';
import { followOnMap } from '../scripts/paint-map.ts';
import type { PlayerIslandProps } from '../course/props.ts';
import { makeEarlyChoice } from '../scripts/early-choice.ts';
import { focusWhenLaidOut } from '../browser/focus.ts';

interface Props extends PlayerIslandProps {
  /**
   * Where the endings' texts, the outcome's strings and the other side's moments are
   * (`EndingsData`): the scenario carries its endings without texts and the page's strings leave
   * the outcome's out; they are fetched once the run reaches an ending.
   */
  endings: string;
  other?: CourseLink;
  /** What follows in the course. */
  next: CourseLink;
}

/**
 * A class component, as ScenarioPlayer and the embed frame's player are: it follows its stores
 * with their own listeners and preact's Component, which every island carries anyway, so the
 * scenario page carries no hooks (0.7 KB gzipped less on its script).
 */
export default class CoursePlayer extends Component<Props> {
  // Made once from the first props: an island is hydrated once, and its props never change.
  t = translator(this.props.locale, this.props.messages);
  course = createCoursePlayer(this.props.scenario, this.props.fingerprint);
  /** The title the player last rendered at an ending, and whether focus goes back to it after the next render. */
  heading?: RefObject<HTMLHeadingElement>;
  refocus = false;
  /** The endings' data (texts, the outcome's strings, the other side's moments), followed once the page runs. */
  endings?: ReturnType<typeof followEndings>;
  /** Stops following the stores, the map, the endings and other tabs. */
  stop?: () => void;

  // Before the first paint of the live player (preact calls it where it runs layout effects): it
  // listens first, so a choice clicked while the page loaded is made at once and shown.
  override componentDidMount() {
    const { course, props } = this;
    const { player } = course;
    const rerender = () => this.forceUpdate();
    const endings = followEndings(player, props.scenario, () => islandData<EndingsData>('player', props.endings));
    this.endings = endings;
    const stops = [
      course.$notice.listen(rerender),
      player.$view.listen(rerender),
      // Said in the page's own notice line, as every page of the course says it: its four texts
      // are in the page already, so the player's strings leave them out.
      $storageNotice.subscribe(showStorageNotice),
      endings.$endings.listen((state) => {
        // The outcome's strings join the page's. What an ending shows next (the outcome, the
        // failure, the wait again) takes focus to its title if focus was in what it replaces.
        if (state.status === 'ready') {
          this.t = translator(props.locale, { ...props.messages, ...state.data.messages });
          // A retry that loads them takes back the page's notice that they had not.
          hideIslandFailed('player');
        }
        // Focus may still be on its way to the ending's title, due in the next frame: until then
        // it is on the page's body, and the outcome's title is where it goes.
        const at = document.activeElement;
        this.refocus = !at || at === document.body || !!at.closest('.outcome');
        rerender();
      }),
      endings.stop,
    ];
    const show = followOnMap();
    this.stop = () => {
      for (const stop of stops) stop();
    };
    stops.push(
      player.$view.subscribe((view) => show({ steps: player.$run.get().steps, current: view.node.id, ended: view.debrief !== undefined })),
      course.open(),
    );
    makeEarlyChoice(player);
  }

  override componentDidUpdate() {
    if (this.refocus) focusWhenLaidOut(this.heading?.current);
    this.refocus = false;
  }

  override componentWillUnmount() {
    this.stop?.();
  }

  render({ scenario, story, other, next }: Props) {
    const { t, course } = this;
    const { player } = course;
    const notice = course.$notice.get();
    const endings = this.endings?.$endings.get();
    return (
      <ScenarioPlayer
        scenario={scenario}
        player={player}
        view={player.$view.get()}
        t={t}
        story={story}
        outcome={(slot) => {
          this.heading = slot.headingRef;
          return endings?.status === 'ready' ? (
            <CourseOutcome {...slot} player={player} t={t} meanwhile={endings.data.meanwhile} next={next} other={other} />
          ) : (
            <OutcomeWaiting {...slot} player={player} t={t} failed={endings?.status === 'failed'} retry={() => this.endings?.retry()} />
          );
        }}
        {...(notice && { notice: t(notice) })}
      />
    );
  }
}
