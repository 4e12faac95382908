// The self-paced course's player: runs are saved in this browser, resume on return and follow
// other tabs (stores/course-player.ts).
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import ScenarioPlayer from './ScenarioPlayer.tsx';
import { useStore } from './use-store.ts';
import type { Counterpart } from '../course/props.ts';
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

export default function CoursePlayer({ scenario, fingerprint, story, locale, messages, counterparts, other, next }: Props) {
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

  // Before the first paint of the live player: a choice clicked while it loaded is made at once.
  useLayoutEffect(() => {
    const stop = course.open();
    makeEarlyChoice(player, takeEarlyChoice());
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
          const linked = view.visited.filter((id) => counterparts[id]);
          return (
            linked.length > 0 && (
              <>
                <h4>{t('player.meanwhile')}</h4>
                {linked.map((id) => {
                  const c = counterparts[id]!;
                  return (
                    <details class="counterpart" key={id}>
                      <summary>{t('player.meanwhileAt', { moment: c.at })}</summary>
                      <p class="muted">{c.scenarioTitle}</p>
                      {c.moment ? <Moment view={c.moment} text={c.situation} /> : paragraphs(c.situation)}
                    </details>
                  );
                })}
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
