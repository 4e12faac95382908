// The self-paced course's player: runs are saved in this browser, resume on return and follow
// other tabs (stores/course-player.ts).
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import ScenarioPlayer, { type Counterpart } from './ScenarioPlayer.tsx';
import { createCoursePlayer } from '../stores/course-player.ts';
import { translator } from '../i18n/messages.ts';
import StorageNotice from './StorageNotice.tsx';
import { followOnMap } from '../scripts/paint-map.ts';
import type { ScenarioIslandProps } from '../stores/play-view.ts';
import { makeEarlyChoice, takeEarlyChoice } from '../islands/early-choice.ts';

interface Props extends ScenarioIslandProps {
  counterparts: Record<string, Counterpart>;
  other?: { href: string; title: string };
  /** What follows in the course. */
  next: { href: string; title: string };
}

export default function CoursePlayer({ scenario, maxima, locale, messages, counterparts, other, next }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const [notice, setNotice] = useState<string>();
  const course = useMemo(() => createCoursePlayer(scenario, maxima, () => setNotice(t('player.moved'))), [scenario]);
  const { player } = course;

  useEffect(() => {
    const show = followOnMap();
    return player.$view.subscribe((view) =>
      show({ steps: player.$run.get().steps, current: view.node.id, ended: view.debrief !== undefined }),
    );
  }, [player]);

  // Before the first paint of the live player: a choice clicked while it loaded is made at once.
  useLayoutEffect(() => {
    const [restored, stop] = course.open();
    if (restored?.status === 'resumed' && restored.run.steps.length > 0)
      setNotice(t(restored.contentChanged ? 'player.resumedChanged' : 'player.resumed'));
    if (restored?.status === 'restarted') setNotice(t(`player.restarted.${restored.reason}`));
    makeEarlyChoice(player, takeEarlyChoice());
    return stop;
  }, [course]);

  return (
    <>
      <StorageNotice t={t} />
      <ScenarioPlayer
        scenario={scenario}
        player={player}
        t={t}
        counterparts={counterparts}
        next={next}
        {...(other && { other })}
        {...(notice && { notice })}
      />
    </>
  );
}
