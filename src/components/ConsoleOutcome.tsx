// The console at an ending: the grade and the scores, the room's path with its votes beside the
// recommended path and the real case, and the debrief for the discussion. Loaded once the room
// reaches an ending (on-click-console-outcome.ts), not with the console.
import type { RefObject } from 'preact';
import type { Debrief, PlayableScenario } from '../engine/play-view.ts';
import { nodeTitle } from '../engine/play-view.ts';
import type { Translate } from '../i18n/messages.ts';
import { roomPath, type WorkshopSession } from '../workshop/session.ts';
import { GradeLine, Scores, paragraphs } from './PlayerParts.tsx';

export interface ConsoleOutcomeProps {
  scenario: PlayableScenario;
  session: WorkshopSession;
  /** The ending's title. */
  title: string;
  debrief: Debrief;
  t: Translate;
  /** The ending's heading, which the console focuses when the story moves. */
  heading: RefObject<HTMLHeadingElement>;
}

export function ConsoleOutcome({ scenario, session, title, debrief, t, heading }: ConsoleOutcomeProps) {
  const marked = (path: 'recommended' | 'real', node: string, choice: string) =>
    debrief[path].steps.some((s) => s.node === node && s.choice === choice);
  return (
    <div class="outcome">
      <GradeLine debrief={debrief} t={t} />
      <h2 id="console-heading" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {paragraphs(debrief.text)}
      <h3>{t('workshop.scores')}</h3>
      <Scores debrief={debrief} t={t} />
      <h3>{t('workshop.path')}</h3>
      <ol class="room-path">
        {roomPath(session, scenario).map((moment) => (
          <li key={moment.step}>
            <strong>{moment.title}</strong>
            <ul>
              {moment.choices.map((c) => (
                <li key={c.id} class={c.chosen ? 'chosen' : ''}>
                  {c.label} — {t('workshop.votes', { count: c.votes })}
                  {c.chosen && ` (${t('workshop.roomChose')})`}
                  {/* Where the recommended path and the real case went, for the discussion. */}
                  {marked('recommended', moment.node, c.id) && <span class="path-tag">{t('workshop.tagRecommended')}</span>}
                  {marked('real', moment.node, c.id) && <span class="path-tag">{t('workshop.tagReal')}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <p>{t('player.recommendedScore', { score: debrief.recommended.score.overall })}</p>
      <p>{t('player.realOutcome', { ending: nodeTitle(scenario, debrief.real.ending), score: debrief.real.score.overall })}</p>
      <h3>{t('player.debrief')}</h3>
      {paragraphs(debrief.debrief)}
    </div>
  );
}
