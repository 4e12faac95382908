// The learner's part of an outcome (see Outcome.tsx), which only the players show: how grades
// follow from the score, and the debrief about the learner's own path.
import type { ReviewedPath } from '../engine/play-view.ts';
import type { PlayerDebrief } from '../stores/player.ts';
import { gradeBands } from '../engine/vocabulary.ts';
import type { Translate } from '../i18n/messages.ts';
import { inSentence, signed } from '../i18n/typography.ts';
import { paragraphs } from './PlayerParts.tsx';
import { heading } from './Outcome.tsx';

/**
 * What the player's outcome shows below the scores: how grades follow from the score, the
 * ending's debrief, the learner's path against the recommended one and against the real case;
 * its headings at `level`.
 */
export function LearnerReview({ debrief, t, level }: { debrief: PlayerDebrief; t: Translate; level: number }) {
  const Sub = heading(level);
  const { real } = debrief;
  return (
    <>
      <p class="muted">{t('player.maxNote')}</p>
      <GradeBands t={t} />
      <Sub>{t('player.debrief')}</Sub>
      {paragraphs(debrief.debrief)}
      <Sub>{t('player.comparePaths')}</Sub>
      <PathReview debrief={debrief} t={t} level={level + 1} />
      <p>
        {real.partedAt === null ? t('player.sameAsReal') : t('player.partedFromReal', { n: real.partedAt + 1, moment: real.partedTitle! })}{' '}
        {t('player.realOutcome', { ending: real.endingTitle, score: real.score.overall })}
      </p>
    </>
  );
}

/** How grades follow from the overall score: the bands, best first. */
function GradeBands({ t }: { t: Translate }) {
  const bands = gradeBands.map((b) => t('player.band', { grade: t(`grade.${b.grade}`), from: b.from, to: b.to }));
  return <p class="muted">{t('player.bands', { bands: bands.join(', ') })}</p>;
}

/**
 * The debrief about the learner's own path: where it left the recommended path, per principle
 * the moments where a stronger choice was on the table (each once, with the points it lost on
 * every principle and the stronger choice's why), and the near misses.
 */
export function PathReview({
  debrief,
  t,
  level = 5,
}: {
  debrief: ReviewedPath;
  t: Translate;
  /** The level of its lists' headings. */
  level?: number;
}) {
  const { left } = debrief;
  const Title = heading(level);
  const list = (title: string, items: string[]) =>
    items.length > 0 && (
      <>
        <Title>{title}</Title>
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </>
    );
  return (
    <>
      <p>
        {left
          ? t('player.leftRecommended', { ...left, mine: inSentence(left.mine), theirs: inSentence(left.theirs) })
          : t('player.sameAsRecommended')}
      </p>
      {debrief.allStrongest && <p>{t('player.allStrongest')}</p>}
      {debrief.byPrinciple.map((g) =>
        list(
          t('player.strongerOn', { principle: t(`principle.${g.principle}`) }),
          g.moments.map((m) =>
            t('player.weaker', {
              moment: m.moment,
              points: m.principles
                .map((p) =>
                  t('player.weakerOn', { principle: t(`principle.${p.principle}`), mine: signed(p.mine), stronger: signed(p.stronger) }),
                )
                .join('; '),
              choice: inSentence(m.choice),
              better: inSentence(m.better),
              why: m.why,
            }),
          ),
        ),
      )}
      {list(
        t('player.nearMisses'),
        // A near miss carries the moment, the meter and where the story would have gone, as the sentence names them.
        debrief.nearMisses.map((n) => t(n.delta < 0 ? 'player.nearMissDown' : 'player.nearMissUp', n)),
      )}
    </>
  );
}
