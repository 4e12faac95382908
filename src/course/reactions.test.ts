import { describe, expect, it } from 'vitest';
import { storyViews } from './moment-views.ts';
import { reactionOf } from './reactions.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

describe('a choice’s reaction, looked up', () => {
  const s = structuredClone(loadValid('mini-contractor'));
  const unpaid = s.nodes[0];
  if (unpaid?.type !== 'decision') throw new Error('the fixture changed its first node');
  unpaid.choices[0]!.reaction = { kind: 'email', from: 'mark', to: ['anna'], subject: { en: 'Re: invoice', ru: 'Re: счёт' } };
  const [answered, unanswered] = unpaid.choices;
  const story = storyViews(s, 'en');
  const decided = (choice: { id: string }) => ({ node: unpaid, choice });

  it('finds the reaction the build filed for the choice the feedback is about', () => {
    expect(reactionOf(story, decided(answered!))).toMatchObject({ kind: 'email', label: 'Email from Mark Ellis to Anna Reyes' });
  });

  it('finds nothing without feedback, for a choice without a reaction, nor the decision’s own moment under a choice', () => {
    expect(reactionOf(story, undefined)).toBeUndefined();
    expect(reactionOf(story, decided(unanswered!))).toBeUndefined();
    expect(story.moments[unpaid.id]).toBeDefined();
    expect(reactionOf(story, decided({ id: '' }))).toBeUndefined();
  });
});
