// The outcome of a story, its ending: one view for the scenario player, the facilitator's console
// and the projector screen. What differs between them is said by props (whose grade it is, whether
// the scores get a heading, the heading levels around it) and by what the host adds below the
// scores: the learner's review of their own path (OutcomeParts.tsx) or the room's path
// (RoomOutcome.tsx), kept in modules of their own so that each page ships only its own. The
// grades, scores and paths come computed by the engine (engine/play-view.ts, engine/debrief.ts)
// and the workshop's view (workshop/view.ts).
import type { ComponentChildren, Ref } from 'preact';
import type { Debrief } from '../engine/play-view.ts';
import { principleScore, type Translate } from '../i18n/messages.ts';
import { paragraphs } from './PlayerParts.tsx';

/** The heading element of a level, 1-6 (a tag name JSX takes as a component). */
export const heading = (level: number) => `h${level}` as 'h2';

export interface OutcomeProps {
  t: Translate;
  debrief: Debrief;
  /**
   * Whose outcome it is: a learner's, graded in the grade's colour with the story's tone beside
   * it; or a room's, in the text's colour (a room is shown what its path earned, not a verdict).
   */
  audience: 'learner' | 'room';
  /** The ending's title, the outcome's heading. */
  title: string;
  /** The title's heading level: 3 in the player (under its region's heading), 2 on the console, 1 on the projector screen. */
  level: 1 | 2 | 3;
  /** The title's id, for a region labelled by it. */
  headingId?: string;
  /** The title, which takes focus when the outcome appears (and is focusable by script only then). */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The scores under a heading of their own (one level below the title); the projector screen's stand under the ending. */
  scoresHeading?: string;
  /** What follows the scores, its headings one level below the title. */
  children?: ComponentChildren;
}

/**
 * The grade line, the ending's title and text, the note on how the ending and the grade differ,
 * the scores, then the host's parts. The host wraps it (the player and the console in their
 * `.outcome` box, the screen in its story column).
 */
export function Outcome({ debrief, t, audience, title, level, headingId, headingRef, scoresHeading, children }: OutcomeProps) {
  const [Title, Sub] = [heading(level), heading(level + 1)];
  return (
    <>
      <Grade debrief={debrief} t={t} room={audience === 'room'} />
      <Title {...(headingId && { id: headingId })} {...(headingRef && { tabIndex: -1, ref: headingRef })}>
        {title}
      </Title>
      {paragraphs(debrief.text)}
      <StoryNote debrief={debrief} t={t} room={audience === 'room'} />
      {scoresHeading && <Sub>{scoresHeading}</Sub>}
      <Scores debrief={debrief} t={t} />
      {children}
    </>
  );
}

/**
 * The note when the ending's tone differs from the grade (the real case is a story that ended
 * well after risky play). It follows the ending's text, which it is about: read before it, it
 * spoke of an ending not yet told.
 */
function StoryNote({ debrief, t, room }: { debrief: Debrief; t: Translate; room: boolean }) {
  const { story } = debrief;
  if (story === 'same') return null;
  return <p class="story-note">{room ? t(`workshop.story.${story}`) : t(`player.story.${story}`)}</p>;
}

/**
 * The grade alone, as the outcome's first line shows it: also what an ending shows while the rest
 * of its outcome loads (components/CourseOutcome.tsx).
 */
export function Grade({ debrief, t, room = false }: { debrief: Pick<Debrief, 'grade'>; t: Translate; room?: boolean }) {
  const grade = t(`grade.${debrief.grade}`);
  return (
    <p class={room ? 'grade room-grade' : `grade grade-${debrief.grade}`}>
      {room ? t('workshop.roomGrade', { grade }) : t('player.gradeIs', { grade })}
    </p>
  );
}

/** The score per principle (counted against its reference) and the overall score. */
function Scores({ debrief, t }: { debrief: Debrief; t: Translate }) {
  return (
    <dl class="scores">
      {debrief.principles.map((p) => (
        <div key={p.principle}>
          <dt>{t(`principle.${p.principle}`)}</dt>
          <dd>
            <meter min={0} max={Math.max(1, p.max)} value={p.counted} aria-hidden="true" />
            <span>{principleScore(t, p)}</span>
          </dd>
        </div>
      ))}
      <div class="overall">
        <dt>{t('player.overall')}</dt>
        <dd>{t('player.overallValue', { score: debrief.overall })}</dd>
      </div>
    </dl>
  );
}
