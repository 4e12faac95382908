// The self-paced course's player: runs are saved in this browser, resume on return and follow
// other tabs (stores/course-player.ts).
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import ScenarioPlayer from './ScenarioPlayer.tsx';
import { useStore } from './use-store.ts';
import type { EndingsData } from '../course/props.ts';
import { islandData } from '../browser/island-data.ts';
import { createCoursePlayer } from '../stores/course-player.ts';
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

export default function CoursePlayer({ scenario, fingerprint, story, locale, messages, endings, other, next }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const course = useMemo(() => createCoursePlayer(scenario, fingerprint), [scenario, fingerprint]);
  const { player } = course;
  const notice = useStore(course.$notice);
  // Listens before the layout effect below makes a choice clicked while the page loaded.
  const view = useStore(player.$view);

  useEffect(() => {
    const show = followOnMap();
    return player.$view.subscribe((view) =>
      show({ steps: player.$run.get().steps, current: view.node.id, ended: view.debrief !== undefined }),
    );
  }, [player]);

  // The endings' texts and the other side's moments, asked for with the choice that ends the run,
  // while its feedback is read (or on opening at an ending; after a restart, again, from the
  // browser's cache). The texts go into the scenario the player plays; an ending still on screen
  // is shown again with them (the feedback's Continue shows it afresh anyway).
  const [meanwhile, setMeanwhile] = useState<EndingsData['meanwhile']>();
  const ended = view.debrief !== undefined;
  useEffect(() => {
    if (ended)
      islandData<EndingsData>('player', endings).then((data) => {
        for (const node of scenario.nodes) Object.assign(node, data.endings[node.id]);
        setMeanwhile(data.meanwhile);
        const now = player.$view.get();
        if (now.debrief && !now.feedback) player.continueOn();
      });
  }, [ended]);

  // Before the first paint of the live player: a choice clicked while it loaded is made at once.
  useLayoutEffect(() => {
    const stop = course.open();
    makeEarlyChoice(player);
    return stop;
  }, [course]);

  return (
    <>
      <StorageNotice t={t} />
      <ScenarioPlayer
        scenario={scenario}
        player={player}
        view={view}
        t={t}
        story={story}
        // The other side's view of each linked moment visited, read-only.
        outcomeExtras={(view) => {
          const linked = view.visited.filter((id) => meanwhile?.[id]);
          return (
            linked.length > 0 && (
              <>
                <h4>{t('player.meanwhile')}</h4>
                {linked.map((id) => (
                  <details class="counterpart" key={id} dangerouslySetInnerHTML={{ __html: meanwhile![id]! }} />
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
