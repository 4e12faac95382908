// The self-paced course's player: runs are saved in this browser, resume on return and follow
// other tabs (stores/course-player.ts); the endings come when a run reaches one
// (stores/course-endings.ts).
import { Component, type RefObject } from 'preact';
import type { ReadableAtom } from 'nanostores';
import ScenarioPlayer from './ScenarioPlayer.tsx';
import { $storageNotice } from '../stores/progress.ts';
import { islandData } from '../browser/island-data.ts';
import { type CourseLink, CourseOutcome } from './CourseOutcome.tsx';
import { createCoursePlayer } from '../stores/course-player.ts';
import { followEndings, type EndingsData } from '../stores/course-endings.ts';
import { translator } from '../i18n/messages.ts';
import StorageNotice from './StorageNotice.tsx';
import { followOnMap } from '../scripts/paint-map.ts';
import type { PlayerIslandProps } from '../course/props.ts';
import { makeEarlyChoice } from '../scripts/early-choice.ts';

interface Props extends PlayerIslandProps {
  /**
   * Where the endings' texts and the other side's moments are (`EndingsData`): the scenario
   * carries its endings without texts, and they are fetched once the run reaches one.
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
  /** Whether the outcome's strings have come, with the endings' texts; and whether they have just come. */
  ready = false;
  arrived = false;
  /** The outcome's title as the player last rendered it. */
  heading?: RefObject<HTMLHeadingElement>;
  /** The endings' data, followed once the page runs. */
  meanwhile?: ReadableAtom<EndingsData['meanwhile'] | undefined>;
  /** Stops following the stores, the map, the endings and other tabs. */
  stop?: () => void;

  // Before the first paint of the live player (preact calls it where it runs layout effects): it
  // listens first, so a choice clicked while the page loaded is made at once and shown.
  override componentDidMount() {
    const { course, props } = this;
    const { player } = course;
    const rerender = () => this.forceUpdate();
    const endings = followEndings(player, props.scenario, () => this.loadEndings());
    this.meanwhile = endings.$meanwhile;
    const stops = [
      course.$notice.listen(rerender),
      player.$view.listen(rerender),
      $storageNotice.listen(rerender),
      endings.$meanwhile.listen(rerender),
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

  /**
   * The endings' texts with the outcome's strings, fetched when a run first reaches an ending: a
   * learner who never finishes never downloads them. Rejects, after the page's notice says a part
   * could not load, when they cannot load.
   */
  loadEndings(): Promise<EndingsData> {
    return islandData<EndingsData>('player', this.props.endings).then((data) => {
      Object.assign(this.props.messages, data.messages);
      this.ready = this.arrived = true;
      return data;
    });
  }

  // The outcome, once its strings arrive, replaces the ending's title that held focus while they
  // loaded: focus moves to the outcome's own title, unless the learner has moved it since.
  override componentDidUpdate() {
    if (this.arrived && document.activeElement === document.body) this.heading?.current?.focus();
    this.arrived = false;
  }

  override componentWillUnmount() {
    this.stop?.();
  }

  render({ scenario, story, other, next }: Props) {
    const { t, course } = this;
    const { player } = course;
    const notice = course.$notice.get();
    const meanwhile = this.meanwhile?.get();
    return (
      <>
        <StorageNotice notice={$storageNotice.get()} t={t} />
        <ScenarioPlayer
          scenario={scenario}
          player={player}
          view={player.$view.get()}
          t={t}
          story={story}
          outcome={(slot) => {
            this.heading = slot.headingRef;
            if (this.ready) return <CourseOutcome {...slot} player={player} t={t} meanwhile={meanwhile} next={next} other={other} />;
            // Still on its way: the ending's title takes focus meanwhile.
            return (
              <>
                <h3 tabIndex={-1} ref={slot.headingRef}>
                  {slot.view.node.title}
                </h3>
                <p role="status">{t('player.outcomeLoading')}</p>
              </>
            );
          }}
          {...(notice && { notice: t(notice) })}
        />
      </>
    );
  }
}
