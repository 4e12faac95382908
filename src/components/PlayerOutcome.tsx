// The player's outcome: the ending, its scores, the learner's review of their own path and what
// to do next. Each host renders it with what it adds (components/CourseOutcome.tsx for the course).
import type { ComponentChildren } from 'preact';
import type { Player } from '../stores/player.ts';
import type { Translate } from '../i18n/messages.ts';
import type { OutcomeSlot } from './ScenarioPlayer.tsx';
import { Outcome } from './Outcome.tsx';
import { LearnerReview } from './OutcomeParts.tsx';

/** The player's view at an ending, its debrief and the title's ref (`OutcomeSlot`), and what the host adds. */
export interface PlayerOutcomeProps extends OutcomeSlot {
  /** The player, whose restart "play again" calls. */
  player: Player;
  t: Translate;
  /** What a host adds after the debrief, e.g. the other side's view of the moments visited. */
  extras?: ComponentChildren;
  /** Links offered before "play again", e.g. what follows in the course. */
  links?: ComponentChildren;
}

/** The outcome as the player shows it, its title (which takes focus) at level 3 under the player's region heading. */
export function PlayerOutcome({ view, debrief, player, t, headingRef, extras, links }: PlayerOutcomeProps) {
  return (
    <Outcome
      audience="learner"
      debrief={debrief}
      title={view.node.title}
      level={3}
      headingRef={headingRef}
      scoresHeading={t('player.scores')}
      t={t}
    >
      <LearnerReview debrief={debrief} t={t} level={4} />
      {extras}
      <div class="outcome-actions">
        {links}
        <button type="button" class={links ? 'secondary' : undefined} onClick={() => player.restart()}>
          {t('player.playAgain')}
        </button>
      </div>
    </Outcome>
  );
}
