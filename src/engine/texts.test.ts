import { describe, expect, it } from 'vitest';
import { defaultText, textFor } from './texts.ts';
import { localize } from './localize.ts';
import { findNode } from './graph.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

describe('texts that follow the path', () => {
  const variants = [
    {
      when: {
        all: [
          { meter: 'trust', atLeast: 3 },
          { meter: 'warned', atLeast: 1 },
        ],
      },
      text: 'warned, trusted',
    },
    {
      when: {
        any: [
          { meter: 'trust', below: 1 },
          { meter: 'warned', atLeast: 1 },
        ],
      },
      text: 'warned or lost',
    },
    { text: 'default' },
  ];

  it('take the first variant whose condition holds, else the default', () => {
    expect(textFor(variants, { trust: 3, warned: 1 })).toBe('warned, trusted');
    expect(textFor(variants, { trust: 2, warned: 1 })).toBe('warned or lost');
    expect(textFor(variants, { trust: 0, warned: 0 })).toBe('warned or lost');
    expect(textFor(variants, { trust: 2, warned: 0 })).toBe('default');
    expect(textFor('plain', { trust: 0 })).toBe('plain');
  });

  it('read in their default wording where no path is followed', () => {
    expect(defaultText(variants)).toBe('default');
    expect(defaultText('plain')).toBe('plain');
  });

  it('follow the hidden meters of a scenario, in each language', () => {
    const s = localize(loadValid('mini-client'), 'ru');
    const thanks = findNode(s, 'thanks');
    if (thanks?.type !== 'decision') throw new Error('no decision "thanks"');
    expect(textFor(thanks.situation, { trust: 3, 'found-uncashed': 1 })).toBe(
      'Она ускорилась с\u00a0тех пор, как вы снова отправили деньги.',
    );
    expect(textFor(thanks.situation, { trust: 3, 'found-uncashed': 0 })).toBe('Она ускорилась.');
  });
});
