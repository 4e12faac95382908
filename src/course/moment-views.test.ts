import { describe, expect, it } from 'vitest';
import { storyViews } from './moment-views.ts';
import { packageSheet } from './portraits.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { scenario as scenarioSchema, type ScenarioContent } from '../engine/schema.ts';

/** The fixture with a call that carries its transcript and a choice answered by email. */
function withCallAndReaction(): ScenarioContent {
  const s = structuredClone(loadValid('mini-contractor'));
  const [unpaid, ask] = s.nodes;
  if (unpaid?.type !== 'decision' || ask?.type !== 'decision') throw new Error('the fixture changed its first two nodes');
  unpaid.medium = {
    kind: 'call',
    from: 'mark',
    to: ['anna'],
    lines: [
      { by: 'mark', text: { en: 'Any news?', ru: 'Есть новости?' } },
      { by: 'anna', text: { en: 'Not yet.', ru: 'Пока нет.' } },
    ],
  };
  unpaid.choices[0]!.reaction = { kind: 'email', from: 'mark', to: ['anna'], subject: { en: 'Re: invoice', ru: 'Re: счёт' } };
  return s;
}

/** The site's sheet draws anna, mark and dana, a row each in that order. */
const face = (row: number) => ({ src: expect.stringMatching(/^\/portraits\/cast\.svg\?v=/), row, rows: 3 });
/** A person's portrait as the views get it: their row of the sheet, with its alternative texts whatever they are. */
const portrait = (row: number) => ({ ...face(row), alt: expect.any(Object) });

describe('the moments and the money as the views show them', () => {
  it('names the medium and its people, and dates an email with its day in the page’s language', () => {
    // Day 2 of a story whose day 1 is 3 March 2025, written as the language writes a full date.
    const date = (locale: string) => new Date(Date.UTC(2025, 2, 4)).toLocaleDateString(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const en = storyViews(loadValid('mini-contractor'), 'en').moments;
    expect(en.unpaid).toEqual({
      kind: 'note',
      label: 'Note to self, Anna Reyes',
      portrait: {
        ...face(0),
        alt: {
          neutral: 'Anna Reyes, looking calm',
          pleased: 'Anna Reyes, looking pleased',
          worried: 'Anna Reyes, looking worried',
          annoyed: 'Anna Reyes, looking annoyed',
        },
      },
    });
    expect(en.ask).toEqual({
      kind: 'email',
      label: 'Email from Mark Ellis to Anna Reyes',
      portrait: portrait(1),
      // American, as the case is: weekday, month, day, year.
      fields: 'Subject: More speed?\nDate: Tuesday, March 4, 2025',
    });
    const ru = storyViews(loadValid('mini-contractor'), 'ru').moments;
    expect(ru.ask).toEqual({
      kind: 'email',
      label: 'Письмо. От: Марк Эллис. Кому: Анна Рейес',
      portrait: portrait(1),
      fields: `Тема: Можно быстрее?\nДата: ${date('ru-RU')}`,
    });
  });

  it('gives a transcript its speakers, marks the caller’s lines, and keys a reaction by its node and choice', () => {
    const { moments } = storyViews(withCallAndReaction(), 'en');
    expect(moments.unpaid).toEqual({
      kind: 'call',
      label: 'Phone call from Mark Ellis to Anna Reyes',
      portrait: portrait(1),
      lines: [
        { name: 'Mark Ellis', text: 'Any news?', own: true, face: face(1) },
        { name: 'Anna Reyes', text: 'Not yet.', own: false, face: face(0) },
      ],
    });
    expect(moments['unpaid/remind']).toMatchObject({ kind: 'email', label: 'Email from Mark Ellis to Anna Reyes' });
    expect(moments['unpaid/wait']).toBeUndefined();
  });

  it('shows a face only for people with a portrait, from the sheet the page finds: a package’s draws only its people', () => {
    const s = withCallAndReaction();
    s.people.push({ id: 'sam', name: { en: 'Sam', ru: 'Сэм' }, role: { en: 'a courier', ru: 'курьер' } });
    const call = s.nodes[0]!;
    if (call.type !== 'decision' || call.medium.kind !== 'call') throw new Error('the fixture changed its first node');
    call.medium.lines!.push({ by: 'sam', text: { en: 'Parcel!', ru: 'Посылка!' } });
    const sheet = packageSheet(s.people.map((p) => p.id));
    expect(sheet).toEqual({ folder: 'portraits/', people: ['anna', 'mark'] });
    const { moments } = storyViews(s, 'ru', sheet);
    const own = (row: number) => ({ src: expect.stringMatching(/^portraits\/cast\.svg\?v=/), row, rows: 2 });
    expect(moments.unpaid?.portrait).toEqual({ ...own(1), alt: expect.any(Object) });
    expect(moments.unpaid?.portrait?.alt.worried).toBe('Марк Эллис: на лице тревога');
    expect(moments.unpaid?.lines?.map((l) => l.face)).toEqual([own(1), own(0), undefined]);
    call.medium.from = 'sam';
    expect(storyViews(s, 'en').moments.unpaid).not.toHaveProperty('portrait');
  });

  it('gives faces the expression of each trust value, and a reaction the one its choice’s move of trust shows', () => {
    // Fixture: trust runs 0-5; the engine's rule puts the bottom third worried, the top third pleased.
    expect(storyViews(loadValid('mini-contractor'), 'en').faces).toEqual({
      0: 'worried',
      1: 'worried',
      2: 'neutral',
      3: 'neutral',
      4: 'pleased',
      5: 'pleased',
    });
    const s = withCallAndReaction();
    const [remind, wait] = (s.nodes[0] as Extract<ScenarioContent['nodes'][number], { type: 'decision' }>).choices;
    wait!.reaction = { kind: 'note', from: 'anna' };
    remind!.effects = { trust: -1 };
    wait!.effects = {};
    expect(storyViews(s, 'en').moments['unpaid/remind']?.expression).toBe('annoyed');
    expect(storyViews(s, 'en').moments['unpaid/wait']?.expression).toBeUndefined();
    remind!.effects = { trust: 2 };
    expect(storyViews(s, 'en').moments['unpaid/remind']?.expression).toBe('pleased');
  });

  it('lets the scene choose its sender’s face: a decision’s and a reaction’s own expression win over trust', () => {
    const s = withCallAndReaction();
    const call = s.nodes[0] as Extract<ScenarioContent['nodes'][number], { type: 'decision' }>;
    const [remind] = call.choices;
    // A curt call at any level of trust, and an answer that lowers trust yet reads as relief.
    call.medium.expression = 'annoyed';
    remind!.effects = { trust: -1 };
    remind!.reaction!.expression = 'pleased';
    const { moments } = storyViews(scenarioSchema.parse(s), 'en');
    expect(moments.unpaid?.expression).toBe('annoyed');
    expect(moments['unpaid/remind']?.expression).toBe('pleased');
    // Without its own, a decision's face is left to the trust level (no expression of its own).
    expect(storyViews(loadValid('mini-contractor'), 'en').moments.unpaid).not.toHaveProperty('expression');
  });

  it('writes the money received and outstanding for every value of the money meter, in whole units', () => {
    // Fixture: the meter cash runs 0-2 in steps of 1,500 USD, two steps owed at the start.
    expect(storyViews(loadValid('mini-contractor'), 'en').money).toEqual({
      0: 'received\u00a0$0 · outstanding\u00a0$3,000',
      1: 'received\u00a0$1,500 · outstanding\u00a0$1,500',
      2: 'received\u00a0$3,000 · outstanding\u00a0$0',
    });
    // A sum never parts from its word, and Russian groups thousands with no-break spaces.
    expect(storyViews(loadValid('mini-contractor'), 'ru').money[1]).toBe(
      'получено\u00a01\u00a0500\u00a0$ · не\u00a0оплачено\u00a01\u00a0500\u00a0$',
    );
  });

  it('writes the sum received at each value of the money meter, as the strip writes it, for the list of changes', () => {
    const en = storyViews(loadValid('mini-contractor'), 'en');
    expect(en.received).toEqual({ cash: { 0: '$0', 1: '$1,500', 2: '$3,000' } });
    // The strip's received sum is the same text, so a change and the strip never disagree.
    for (const [value, sum] of Object.entries(en.received.cash!)) expect(en.money[value]).toContain(sum);
    expect(storyViews(loadValid('mini-contractor'), 'ru').received.cash?.[2]).toBe('3\u00a0000\u00a0$');
  });

  it('counts extra payments (a new invoice, a deposit) as received, never against what is outstanding, in both languages', () => {
    const s = structuredClone(loadValid('mini-contractor'));
    s.meters.push({ id: 'paid-since', label: { en: 'Paid since', ru: 'Оплачено после' }, min: 0, max: 2, start: 0, hidden: false });
    s.money.extra = { meter: 'paid-since', amount: 1000 };
    const withExtra = scenarioSchema.parse(s);
    const en = storyViews(withExtra, 'en');
    // The money meter's value, then the extra meter's: 3 × 3 pairs.
    expect(Object.keys(en.money)).toHaveLength(9);
    expect(en.money['0/2']).toBe('received\u00a0$2,000 · outstanding\u00a0$3,000');
    expect(en.money['2/1']).toBe('received\u00a0$4,000 · outstanding\u00a0$0');
    expect(en.received).toEqual({ cash: { 0: '$0', 1: '$1,500', 2: '$3,000' }, 'paid-since': { 0: '$0', 1: '$1,000', 2: '$2,000' } });
    const ru = storyViews(withExtra, 'ru');
    expect(ru.money['2/1']).toBe('получено\u00a04\u00a0000\u00a0$ · не\u00a0оплачено\u00a00\u00a0$');
    expect(ru.received['paid-since']?.[1]).toBe('1\u00a0000\u00a0$');
  });
});
