import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, findContentTells } from '../../src/course/check-content.ts';
import { formatDiagnostic } from '../../src/engine/validate.ts';
import en from '../../src/i18n/en.json';
import ru from '../../src/i18n/ru.json';
import { principleScore, translator } from '../../src/i18n/messages.ts';
import { markedPath, referencePoints } from '../../src/engine/paths.ts';
import { outcome, storyAgainstGrade } from '../../src/engine/scoring.ts';
import { replay } from '../../src/engine/run.ts';
import { textFor } from '../../src/engine/texts.ts';
import { findNode, startMeters } from '../../src/engine/graph.ts';
import { locales } from '../../src/engine/locales.ts';
import type { LocalizedText, Step, VariableText } from '../../src/engine/types.ts';
import { scenarios } from '../e2e/course-data.ts';
import { allPaths } from './scenario-fixtures.ts';

describe('the course content', () => {
  it('passes every content check', async () => {
    const diagnostics = await checkContent(join(import.meta.dirname, '..', '..', 'content'));
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('gives no choice away: no tell warnings (length, position, wording) in any scenario', async () => {
    const tells = await findContentTells(join(import.meta.dirname, '..', '..', 'content'));
    expect(tells.map(formatDiagnostic)).toEqual([]);
  });
});

const paths = new Map(scenarios.map((s) => [s.id, allPaths(s)]));

describe('the scores of the shipped scenarios', () => {
  for (const scenario of scenarios) {
    it(`${scenario.id}: the recommended path scores 100 and the best grade`, () => {
      expect(outcome(scenario, markedPath(scenario, 'recommended'))).toMatchObject({ overall: 100, grade: 'best' });
    });

    it(`${scenario.id}: the real case’s path is in the mixed band, and its ending’s tone is a good one`, () => {
      const real = outcome(scenario, markedPath(scenario, 'real'))!;
      expect(real.grade).toBe('mixed');
      expect(['thriving', 'steady']).toContain(real.ending.tone);
      // The outcome view says so: a story that ended better than the play earned.
      expect(storyAgainstGrade(real.ending.tone, real.grade)).toBe('better');
    });

    it(`${scenario.id}: the clamp at the reference never binds, on any of its ${paths.get(scenario.id)!.length} paths`, () => {
      const reference = referencePoints(scenario);
      for (const steps of paths.get(scenario.id)!) {
        const points = replay(scenario, steps)!.points;
        for (const p of scenario.principles)
          expect(points[p] ?? 0, `${p} on ${steps.map((s) => s.choice).join(' > ')}`).toBeLessThanOrEqual(reference[p]!);
      }
    });
  }
});

/** A fact about a path so far, from the choices it took: what a text may claim. */
type Fact = (choices: Set<string>) => boolean;
const took =
  (...ids: string[]): Fact =>
  (choices) =>
    ids.some((id) => choices.has(id));
const not =
  (fact: Fact): Fact =>
  (choices) =>
    !fact(choices);

/** A phrase of an English text, and the fact that must hold wherever the text shows it. */
interface Claim {
  /** `ending`, `situation` or `feedback` with the node (and choice) the text belongs to. */
  at: { text: 'text' | 'debrief'; node: string } | { text: 'situation'; node: string } | { text: 'feedback'; node: string; choice: string };
  phrase: string;
  holds: Fact;
}

const warned = took('one-week-warning', 'late-warning', 'ask-and-date');
const spedUp = took('speed-up', 'clear-the-decks', 'own-and-restart');
const foundUncashed = took('check-bank');
const namedDeadline = took('explain-stakes', 'lay-out-stakes', 'once-paid', 'tell-her-first');
const paidOnTheDay = took('thank-and-pay');

const claims: Record<string, Claim[]> = {
  contractor: [
    { at: { text: 'text', node: 'worked-but-risky' }, phrase: 'Your warning, with its date', holds: warned },
    { at: { text: 'text', node: 'worked-but-risky' }, phrase: 'done better than they had hoped', holds: spedUp },
    { at: { text: 'debrief', node: 'worked-but-risky' }, phrase: 'a week’s warning would have brought the same call', holds: not(warned) },
    { at: { text: 'debrief', node: 'worked-but-risky' }, phrase: 'Your warning, with a date on it', holds: warned },
    { at: { text: 'debrief', node: 'worked-but-risky' }, phrase: 'Rewarding their call with faster work', holds: spedUp },
    {
      at: { text: 'debrief', node: 'worked-but-risky' },
      phrase: 'faster work did not come at once',
      holds: not(spedUp),
    },
    { at: { text: 'debrief', node: 'paid-to-build' }, phrase: 'with a week’s deadline', holds: warned },
    { at: { text: 'debrief', node: 'paid-to-build' }, phrase: 'in a short note', holds: took('friendly-reminder', 'statement-ask-when') },
    { at: { text: 'debrief', node: 'paid-to-build' }, phrase: 'you answered with visible speed', holds: spedUp },
    {
      at: { text: 'feedback', node: 'waiting-for-answer', choice: 'keep-your-word' },
      phrase: 'Your word holds: you will act when the time runs out',
      holds: warned,
    },
    {
      at: { text: 'feedback', node: 'waiting-for-answer', choice: 'keep-your-word' },
      phrase: 'your message to him named no date',
      holds: not(warned),
    },
    {
      at: { text: 'situation', node: 'old-address-found' },
      phrase: 'Mark’s answer comes back within minutes',
      holds: took('ask-which-address', 'ask-and-reissue'),
    },
    {
      at: { text: 'situation', node: 'old-address-found' },
      phrase: 'Dana answers your email within the hour',
      holds: took('send-new-address'),
    },
    {
      at: { text: 'debrief', node: 'solved-on-day-two' },
      phrase: 'then one precise question',
      holds: took('ask-which-address', 'ask-and-reissue'),
    },
    {
      at: { text: 'debrief', node: 'solved-on-day-two' },
      phrase: 'you never said the money was missing',
      holds: not(took('friendly-reminder', 'statement-ask-when')),
    },
    { at: { text: 'debrief', node: 'solved-on-day-two' }, phrase: 'you answered at once with faster work', holds: spedUp },
  ],
  client: [
    { at: { text: 'situation', node: 'her-reply' }, phrase: 'two checks are in the mail', holds: not(foundUncashed) },
    { at: { text: 'situation', node: 'her-reply' }, phrase: 'knew neither check had been cashed', holds: foundUncashed },
    { at: { text: 'debrief', node: 'best-partnership' }, phrase: 'you named your deadline plainly', holds: namedDeadline },
    { at: { text: 'debrief', node: 'best-partnership' }, phrase: 'you never told her your launch date', holds: not(namedDeadline) },
    { at: { text: 'debrief', node: 'best-partnership' }, phrase: 'specific thanks and prompt payment', holds: paidOnTheDay },
    { at: { text: 'debrief', node: 'best-partnership' }, phrase: 'thanks backed by money', holds: paidOnTheDay },
    {
      at: { text: 'debrief', node: 'best-partnership' },
      phrase: 'the money came well after the words',
      holds: took('thank-briefly', 'pay-on-monday'),
    },
  ],
};

/** Where a text belongs, as one string: the key claims are grouped by. */
const placeKey = (at: Claim['at']) => `${at.text}:${at.node}:${'choice' in at ? at.choice : ''}`;

/**
 * Every text a path shows (situations on arrival, feedback after each choice, the ending's text
 * and debrief), with the choices taken before it. The set of choices is the walk's own, read
 * before the next text is asked for: copying it for each of some 200,000 texts is what made this
 * test slow.
 */
function* textsAlong(scenario: (typeof scenarios)[number], steps: Step[]) {
  const state = replay(scenario, steps)!;
  let meters = startMeters(scenario);
  const choices = new Set<string>();
  for (const step of state.played) {
    const node = findNode(scenario, step.node) as Extract<(typeof scenario.nodes)[number], { type: 'decision' }>;
    yield { at: placeKey({ text: 'situation', node: node.id }), text: node.situation, meters, choices };
    choices.add(step.choice);
    meters = step.metersAfter;
    yield { at: placeKey({ text: 'feedback', node: node.id, choice: step.choice }), text: step.taken.feedback, meters, choices };
  }
  const ending = state.node as Extract<(typeof scenario.nodes)[number], { type: 'ending' }>;
  yield { at: placeKey({ text: 'text', node: ending.id }), text: ending.text, meters, choices };
  yield { at: placeKey({ text: 'debrief', node: ending.id }), text: ending.debrief, meters, choices };
}

describe('texts that follow the path', () => {
  for (const scenario of scenarios) {
    it(`${scenario.id}: every text resolves, in both languages, on every path, and says only what is true on it`, () => {
      const byPlace = Map.groupBy(claims[scenario.id] ?? [], (c) => placeKey(c.at));
      const seen = new Set<string>();
      // Failures are collected and compared once: an expect per text is most of the time taken.
      const empty: string[] = [];
      const untrue: string[] = [];
      for (const steps of paths.get(scenario.id)!) {
        for (const { at, text, meters, choices } of textsAlong(scenario, steps)) {
          const resolved = textFor(text as VariableText<LocalizedText>, meters);
          for (const locale of locales) if (resolved[locale].trim().length === 0) empty.push(`${locale} ${at}`);
          const here = byPlace.get(at);
          if (!here) continue;
          const english = resolved.en.replace(/\s+/g, ' ');
          for (const claim of here) {
            if (!english.includes(claim.phrase)) continue;
            seen.add(claim.phrase);
            if (!claim.holds(choices)) untrue.push(`“${claim.phrase}” on ${steps.map((s) => s.choice).join(' > ')}`);
          }
        }
      }
      expect(empty).toEqual([]);
      expect(untrue).toEqual([]);
      // Each claim is shown on some path, so none of them checks nothing.
      expect([...seen].sort()).toEqual((claims[scenario.id] ?? []).map((c) => c.phrase).sort());
    });
  }
});

describe('UI strings', () => {
  it('exist in both languages under the same keys', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('have every plural form each language needs', () => {
    for (const [locale, table] of [
      ['en', en],
      ['ru', ru],
    ] as const) {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(table)) {
        if (typeof value === 'object') expect(Object.keys(value).sort(), `${locale} ${key}`).toEqual([...needed].sort());
      }
    }
  });

  it('show a principle’s points against its reference, and one below zero with how far below, counted as 0 (kept on one line)', () => {
    const inRussian = translator<string>('ru', ru);
    const inEnglish = translator<string>('en', en);
    expect(principleScore(inRussian, { earned: 5, counted: 5, max: 8 })).toBe('5 из 8 баллов');
    expect(principleScore(inRussian, { earned: 1, counted: 1, max: 21 })).toBe('1 из 21 балла');
    expect(principleScore(inRussian, { earned: -3, counted: 0, max: 8 })).toBe('−3 из 8 баллов, засчитано как\u00a00');
    expect(principleScore(inEnglish, { earned: 1, counted: 1, max: 1 })).toBe('1 of 1 point');
    expect(principleScore(inEnglish, { earned: 5, counted: 5, max: 8 })).toBe('5 of 8 points');
    expect(principleScore(inEnglish, { earned: -7, counted: 0, max: 8 })).toBe('−7 of 8 points, counted as\u00a00');
  });

  it('keep a Russian ordinal whole: a number and its ending (“16‑й”) take a no-break hyphen, so no line splits them', () => {
    const split = Object.entries(ru).filter(([, value]) => typeof value === 'string' && /(\d|\})-[а-яё]/.test(value));
    expect(split).toEqual([]);
    expect(translator<string>('ru', ru)('player.due', { day: 3, money: '$0', by: 16 })).toContain('16\u2011й');
  });

  it('choose the Russian plural by number', () => {
    const t = translator('ru', ru);
    expect([1, 2, 5, 21, 1.5].map((count) => t('player.points', { count }))).toEqual([
      '1 балл',
      '2 балла',
      '5 баллов',
      '21 балл',
      '1.5 балла',
    ]);
  });
});

describe('a payment already made is never offered again', () => {
  // How the call offers the month's payment: paying or sending it (the month, today), checks
  // reissued or mailed anew, or paying held back for the old ones. Paying later invoices is not it.
  const offersThePayment = /\b(send|pay|transfer)\b[^.]*\b(the month|today)\b|\breissue|\bnew checks?\b|\bbefore paying\b/i;

  it('client: no path that reaches a call with the month paid offers to pay it, in word or in effect', () => {
    const client = scenarios.find((s) => s.id === 'client')!;
    const owed = client.money!.owed;
    const offered: string[] = [];
    let reachedPaid = 0;
    for (const steps of paths.get('client')!) {
      let meters = startMeters(client);
      for (const step of replay(client, steps)!.played) {
        const node = findNode(client, step.node) as Extract<(typeof client.nodes)[number], { type: 'decision' }>;
        if (node.medium.kind === 'call' && (meters.paid ?? 0) >= owed) {
          reachedPaid++;
          for (const c of node.choices) {
            if (offersThePayment.test(c.label.en) || (c.effects.paid ?? 0) > 0 || (c.effects['checks-in-mail'] ?? 0) > 0)
              offered.push(`${node.id}/${c.id}`);
          }
        }
        meters = step.metersAfter;
      }
    }
    // Some path does reach a call after the transfer, so the check is not empty.
    expect(reachedPaid).toBeGreaterThan(0);
    expect([...new Set(offered)]).toEqual([]);
  });
});
