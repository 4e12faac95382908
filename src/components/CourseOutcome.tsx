// The course player's outcome: the player's own (PlayerOutcome.tsx), with the other side's view
// of the moments visited and what follows in the course. Its strings come with the endings'
// texts, once a run reaches an ending (components/CoursePlayer.tsx).
import { visitedMeanwhile } from '../course/props.ts';
import type { EndingsData } from '../stores/course-endings.ts';
import { Grade } from './Outcome.tsx';
import { PlayerOutcome, type PlayerOutcomeProps } from './PlayerOutcome.tsx';

/** A page of the course offered from the outcome. */
export interface CourseLink {
  href: string;
  title: string;
}

export interface CourseOutcomeProps extends Omit<PlayerOutcomeProps, 'extras' | 'links'> {
  /** The other side's moments (HTML by this scenario's node id), from the endings' data. */
  meanwhile: EndingsData['meanwhile'] | undefined;
  /** What follows in the course. */
  next: CourseLink;
  /** The other side's scenario, unless it is what follows anyway. */
  other?: CourseLink | undefined;
}

/**
 * The outcome with, after the debrief, the other side's view of each linked moment the run
 * visited (read-only, rendered at build time), then the links on in the course.
 */
export function CourseOutcome({ meanwhile, next, other, ...outcome }: CourseOutcomeProps) {
  const { t } = outcome;
  const linked = visitedMeanwhile(outcome.view.visited, meanwhile);
  return (
    <PlayerOutcome
      {...outcome}
      extras={
        linked.length > 0 && (
          <>
            <h4>{t('player.meanwhile')}</h4>
            {linked.map(({ id, html }) => (
              <details class="counterpart" key={id} dangerouslySetInnerHTML={{ __html: html }} />
            ))}
          </>
        )
      }
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
    />
  );
}

/**
 * What an ending shows while its outcome's strings are on their way with the endings, or after
 * they could not load (`failed`): the grade and the ending's title, which takes focus, a status
 * line that says which, and after a failure a way on (`retry`, or play again). Every string it
 * uses is in the page.
 */
export function OutcomeWaiting({
  view,
  debrief,
  headingRef,
  player,
  t,
  failed,
  retry,
}: Omit<PlayerOutcomeProps, 'extras' | 'links'> & { failed: boolean; retry: () => void }) {
  return (
    <>
      <Grade debrief={debrief} t={t} />
      <h3 tabIndex={-1} ref={headingRef}>
        {view.node.title}
      </h3>
      <p role="status">{t(failed ? 'player.outcomeFailed' : 'player.outcomeLoading')}</p>
      {failed && (
        <div class="outcome-actions">
          <button type="button" onClick={retry}>
            {t('player.outcomeRetry')}
          </button>
          <button type="button" class="secondary" onClick={() => player.restart()}>
            {t('player.playAgain')}
          </button>
        </div>
      )}
    </>
  );
}
