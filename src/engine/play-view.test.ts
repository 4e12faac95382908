import { describe, expect, it } from 'vitest';
import { debriefFor, feedbackFor, nodeTitle, reviewPath } from './play-view.ts';
import { comparePath } from './compare.ts';
import { storyAgainstGrade } from './scoring.ts';
import { markedPath } from './paths.ts';
import { localize } from './localize.ts';
import { validateScenario } from './validate.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

/** The fixture with its first choice paying the two steps owed, arriving `after` days later (unpaid, day 1 › remind › ask, day 2). */
function paying(after?: number) {
  const s = structuredClone(loadValid('mini-contractor'));
  const [unpaid] = s.nodes;
  if (unpaid?.type !== 'decision') throw new Error('the fixture changed its first node');
  unpaid.choices[0]!.effects = { trust: 1, cash: 2 };
  if (after !== undefined) unpaid.choices[0]!.arrivesAfter = after;
  return s;
}
const remind = { scenario: 'mini-contractor', steps: [{ node: 'unpaid', choice: 'remind' }] };

describe('money on its way after a choice', () => {
  it('keeps money that arrives days later pending, as it was before the choice, with the day it is expected', () => {
    const feedback = feedbackFor(localize(paying(1), 'en'), remind)!;
    // Chosen on day 1, arriving one day later: the strip shows the meters before the choice until day 2.
    expect(feedback.pending).toEqual({ meters: { cash: 0, trust: 4 }, by: 2 });
    // The list of changes still says what the choice did, naming the meter by its label.
    expect(feedback.meters).toContainEqual({ id: 'cash', label: 'Money received', from: 0, to: 2, direction: 'up' });
    expect(feedback.points).toEqual([{ principle: 'warn-first', change: 2, direction: 'up' }]);
  });

  it('has nothing pending when the money arrives the same day, or the choice moves no money', () => {
    expect(feedbackFor(localize(paying(), 'en'), remind)).not.toHaveProperty('pending');
    const noMoney = paying(1);
    const [unpaid] = noMoney.nodes;
    if (unpaid?.type === 'decision') unpaid.choices[0]!.effects = { trust: 1 };
    expect(feedbackFor(localize(noMoney, 'en'), remind)).not.toHaveProperty('pending');
  });

  it('refuses money that would arrive after the next moment, where the strip already counts it', () => {
    expect(validateScenario({ file: 'a.yaml', data: paying(1) }).diagnostics).toEqual([]);
    const { diagnostics } = validateScenario({ file: 'a.yaml', data: paying(2) });
    expect(diagnostics).toMatchObject([{ code: 'day-goes-back', node: 'unpaid', choice: 'remind' }]);
    expect(diagnostics[0]!.message).toContain('arrives on day 3, after "ask" on day 2');
  });
});

describe('the meters a choice moved', () => {
  it('name each visible meter that moved by its label, and leave out hidden ones and those that did not move', () => {
    const scenario = localize(loadValid('mini-contractor'), 'en');
    const wait = feedbackFor(scenario, { scenario: scenario.id, steps: [{ node: 'unpaid', choice: 'wait' }] })!;
    // Silence costs a point of trust and moves no money.
    expect(wait.meters).toEqual([{ id: 'trust', label: 'Trust', from: 4, to: 3, direction: 'down' }]);
    // Its points, on the one principle it touched, go the same way.
    expect(wait.points).toEqual([{ principle: 'warn-first', change: -1, direction: 'down' }]);
    const hidden = structuredClone(loadValid('mini-contractor'));
    hidden.meters.find((m) => m.id === 'trust')!.hidden = true;
    expect(feedbackFor(localize(hidden, 'en'), { scenario: scenario.id, steps: [{ node: 'unpaid', choice: 'wait' }] })!.meters).toEqual([]);
  });
});

describe('the marked paths beside an outcome', () => {
  const scenario = localize(loadValid('mini-contractor'), 'en');

  it('name the moment the run left each marked path and how that path ended, by their titles', () => {
    for (const mark of ['real', 'recommended'] as const) {
      const other = mark === 'real' ? 'recommended' : 'real';
      const steps = markedPath(scenario, other);
      const debrief = debriefFor(scenario, { scenario: scenario.id, steps })!;
      const compared = comparePath(scenario, steps, mark);
      expect(debrief[mark]).toMatchObject(compared);
      expect(debrief[mark].endingTitle).toBe(nodeTitle(scenario, compared.ending));
      // The fixture's two marked paths part, so each run leaves the other path at a moment with a title.
      expect(compared.partedNode).not.toBeNull();
      expect(debrief[mark].partedTitle).toBe(nodeTitle(scenario, compared.partedNode!));
      expect(debrief[mark].partedTitle).not.toBe(compared.partedNode);
    }
  });

  it('say how the ending’s tone stands against the grade, on every marked path', () => {
    for (const mark of ['real', 'recommended'] as const) {
      const debrief = debriefFor(scenario, { scenario: scenario.id, steps: markedPath(scenario, mark) })!;
      expect(debrief.story).toBe(storyAgainstGrade(debrief.ending.tone, debrief.grade));
    }
  });

  it('have no parting title on the marked path itself', () => {
    const debrief = debriefFor(scenario, { scenario: scenario.id, steps: markedPath(scenario, 'real') })!;
    expect(debrief.real).toMatchObject({ partedAt: null, partedNode: null, partedTitle: null });
  });
});

describe('the debrief about a learner’s own path, named', () => {
  const scenario = localize(loadValid('mini-contractor'), 'en');

  it('names the moments, choices and meters of the real case’s path by the titles and labels the page shows', () => {
    // The real case's path: silence, then a blunt reply, then written terms; the recommended one
    // sends a reminder first.
    expect(reviewPath(scenario, debriefFor(scenario, { scenario: scenario.id, steps: markedPath(scenario, 'real') })!)).toEqual({
      left: { n: 1, moment: 'Unpaid', mine: 'Say nothing', theirs: 'Send a friendly reminder' },
      allStrongest: false,
      byPrinciple: [
        {
          principle: 'warn-first',
          moments: [
            {
              moment: 'Unpaid',
              choice: 'Say nothing',
              better: 'Send a friendly reminder',
              why: 'A reminder gives them a chance to fix it.',
              principles: [{ principle: 'warn-first', mine: -1, stronger: 2 }],
            },
            {
              moment: 'Ask',
              choice: 'Reply bluntly',
              better: 'Warn with a deadline',
              why: 'A clear deadline leaves room to fix it.',
              principles: [
                { principle: 'warn-first', mine: -1, stronger: 2 },
                { principle: 'agree-terms', mine: 0, stronger: 1 },
              ],
            },
          ],
        },
        { principle: 'agree-terms', moments: [] },
        { principle: 'reward-good', moments: [] },
      ],
      nearMisses: [{ moment: 'Ask', meter: 'Trust', would: 'Replaced', delta: -1 }],
    });
  });

  it('has nothing to name on the recommended path', () => {
    const review = reviewPath(scenario, debriefFor(scenario, { scenario: scenario.id, steps: markedPath(scenario, 'recommended') })!);
    expect(review).toMatchObject({ left: null, allStrongest: true, nearMisses: [] });
    expect(review.byPrinciple.every((g) => g.moments.length === 0)).toBe(true);
  });

  it('speaks the language the scenario was localized to', () => {
    const ru = localize(loadValid('mini-contractor'), 'ru');
    const review = reviewPath(ru, debriefFor(ru, { scenario: ru.id, steps: markedPath(ru, 'real') })!);
    expect(review.left).toEqual({ n: 1, moment: 'Unpaid', mine: 'Промолчать', theirs: 'Отправить дружеское напоминание' });
    expect(review.nearMisses).toEqual([{ moment: 'Ask', meter: 'Доверие', would: 'Замена', delta: -1 }]);
  });
});
