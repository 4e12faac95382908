// The room's part of an outcome (see Outcome.tsx), for the facilitator's console and the projector
// screen: the room's path with its votes, and on the console the marked paths beside it and the
// ending's debrief. The path comes computed with its marks (workshop/view.ts).
import type { Debrief } from '../engine/play-view.ts';
import type { MarkedRoomMoment } from '../workshop/view.ts';
import type { Translate } from '../i18n/messages.ts';
import { paragraphs } from './PlayerParts.tsx';
import { heading } from './Outcome.tsx';

/**
 * What the console's outcome shows below the scores: the room's path, the recommended path's
 * score, how the real case ended, and the ending's debrief; its headings at `level`.
 */
export function RoomReview({ debrief, path, t, level }: { debrief: Debrief; path: MarkedRoomMoment[]; t: Translate; level: number }) {
  const Sub = heading(level);
  return (
    <>
      <Sub>{t('workshop.path')}</Sub>
      <RoomPath path={path} t={t} />
      <p>{t('player.recommendedScore', { score: debrief.recommended.score.overall })}</p>
      <p>{t('player.realOutcome', { ending: debrief.real.endingTitle, score: debrief.real.score.overall })}</p>
      <Sub>{t('player.debrief')}</Sub>
      {paragraphs(debrief.debrief)}
    </>
  );
}

/**
 * The room's path at the end: on the console every choice of each decision with its votes, the
 * room's choice and the marked paths' tags; `brief`, on the projector screen under its own heading,
 * each decision with the room's choice and its share of the votes.
 */
export function RoomPath({ path, t, brief = false }: { path: MarkedRoomMoment[]; t: Translate; brief?: boolean }) {
  if (brief)
    return (
      <div class="screen-path">
        <h2>{t('workshop.roomPath')}</h2>
        <ol>
          {path.map(({ step, title, taken, votes }) => (
            <li key={step}>
              <span class="muted">{title}:</span> {taken?.label}
              {votes > 0 && taken && <span class="muted"> ({t('workshop.votesOf', { n: taken.votes, count: votes })})</span>}
            </li>
          ))}
        </ol>
      </div>
    );
  return (
    <ol class="room-path">
      {path.map((moment) => (
        <li key={moment.step}>
          <strong>{moment.title}</strong>
          <ul>
            {moment.choices.map((c) => (
              <li key={c.id} class={c.chosen ? 'chosen' : ''}>
                {c.label} — {t('workshop.votes', { count: c.votes })}
                {c.chosen && ` (${t('workshop.roomChose')})`}
                {/* Where the recommended path and the real case went, for the discussion. */}
                {c.marks.includes('recommended') && <span class="path-tag">{t('workshop.tagRecommended')}</span>}
                {c.marks.includes('real') && <span class="path-tag">{t('workshop.tagReal')}</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
