// The self-paced course's player: runs are saved in this browser, resume on return and follow
// other tabs (stores/course-player.ts); the endings come when a run reaches one
// (stores/course-endings.ts).
import { Component } from 'preact';
import type { ReadableAtom } from 'nanostores';
import ScenarioPlayer from './ScenarioPlayer.tsx';
import { $storageNotice } from '../stores/progress.ts';
import { visitedMeanwhile } from '../course/props.ts';
import { islandData } from '../browser/island-data.ts';
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
  other?: { href: string; title: string };
  /** What follows in the course. */
  next: { href: string; title: string };
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
    const endings = followEndings(player, props.scenario, () => islandData<EndingsData>('player', props.endings));
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
          // The other side's view of each linked moment visited, read-only, rendered at build time.
          outcomeExtras={(view) => {
            const linked = visitedMeanwhile(view.visited, meanwhile);
            return (
              linked.length > 0 && (
                <>
                  <h4>{t('player.meanwhile')}</h4>
                  {linked.map(({ id, html }) => (
                    <details class="counterpart" key={id} dangerouslySetInnerHTML={{ __html: html }} />
                  ))}
                </>
              )
            );
          }}
          links={
            <>
              <a class="button" href={next.href}>
                {t('player.next', { title: next.title })}
              </a>
              {other && (
                <a class="button secondary" href={other.href}>
                  {t('player.playOther', { title: other.title })}
                </a>
              )}
            </>
          }
          {...(notice && { notice: t(notice) })}
        />
      </>
    );
  }
}
