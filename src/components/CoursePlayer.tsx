// The self-paced course's player: runs are saved in this browser, resume on return and follow
// other tabs (stores/course-player.ts).
import { Component } from 'preact';
import ScenarioPlayer from './ScenarioPlayer.tsx';
import { $storageNotice } from '../stores/progress.ts';
import { visitedCounterparts, type Counterpart } from '../course/props.ts';
import { paragraphs } from './PlayerParts.tsx';
import { Moment } from './Moment.tsx';
import { createCoursePlayer } from '../stores/course-player.ts';
import { translator } from '../i18n/messages.ts';
import StorageNotice from './StorageNotice.tsx';
import { followOnMap } from '../scripts/paint-map.ts';
import type { PlayerIslandProps } from '../course/props.ts';
import { makeEarlyChoice, takeEarlyChoice } from '../scripts/early-choice.ts';

interface Props extends PlayerIslandProps {
  counterparts: Record<string, Counterpart>;
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
  /** Stops following the stores, the map and other tabs. */
  stop?: () => void;

  // Before the first paint of the live player (preact calls it where it runs layout effects): it
  // listens first, so a choice clicked while the page loaded is made at once and shown.
  override componentDidMount() {
    const { course } = this;
    const { player } = course;
    const rerender = () => this.forceUpdate();
    const stops = [course.$notice.listen(rerender), player.$view.listen(rerender), $storageNotice.listen(rerender)];
    const show = followOnMap();
    this.stop = () => {
      for (const stop of stops) stop();
    };
    stops.push(
      player.$view.subscribe((view) => show({ steps: player.$run.get().steps, current: view.node.id, ended: view.debrief !== undefined })),
      course.open(),
    );
    makeEarlyChoice(player, takeEarlyChoice());
  }

  override componentWillUnmount() {
    this.stop?.();
  }

  render({ scenario, story, counterparts, other, next }: Props) {
    const { t, course } = this;
    const { player } = course;
    const notice = course.$notice.get();
    const view = player.$view.get();
    return (
      <>
        <StorageNotice notice={$storageNotice.get()} t={t} />
        <ScenarioPlayer
          scenario={scenario}
          player={player}
          view={view}
          t={t}
          story={story}
          // The other side's view of each linked moment visited, read-only.
          outcomeExtras={(view) => {
            const linked = visitedCounterparts(view.visited, counterparts);
            return (
              linked.length > 0 && (
                <>
                  <h4>{t('player.meanwhile')}</h4>
                  {linked.map((c) => (
                    <details class="counterpart" key={c.id}>
                      <summary>{t('player.meanwhileAt', { moment: c.at })}</summary>
                      <p class="muted">{c.scenarioTitle}</p>
                      {c.moment ? <Moment view={c.moment} text={c.situation} /> : paragraphs(c.situation)}
                    </details>
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
