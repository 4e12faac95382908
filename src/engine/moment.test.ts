import { describe, expect, it } from 'vitest';
import { dateOfDay, gaugeMeters, moneyAt, moneyKey, moneyMeters, peopleIn, personOf, stripAt } from './moment.ts';
import { speakerOf } from './play-view.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { localize } from './localize.ts';

describe('what a moment shows beside its text', () => {
  const scenario = localize(loadValid('mini-contractor'), 'en');

  it('counts the money received and still owed from the money meter, never below nothing owed', () => {
    // Fixture: steps of 1,500 USD, two steps owed at the start.
    expect(moneyAt(scenario, { cash: 0 })).toEqual({ received: 0, outstanding: 3000, currency: 'USD' });
    expect(moneyAt(scenario, { cash: 1 })).toEqual({ received: 1500, outstanding: 1500, currency: 'USD' });
    expect(moneyAt(scenario, { cash: 3 })).toEqual({ received: 4500, outstanding: 0, currency: 'USD' });
    expect(moneyAt(scenario, {})).toEqual({ received: 0, outstanding: 3000, currency: 'USD' });
  });

  it('adds extra payments to the money received, never to the money outstanding', () => {
    const withExtra = { ...scenario, money: { ...scenario.money, extra: { meter: 'since', amount: 1000 } } };
    expect(moneyAt(withExtra, { cash: 0, since: 2 })).toEqual({ received: 2000, outstanding: 3000, currency: 'USD' });
    expect(moneyAt(withExtra, { cash: 2, since: 1 })).toEqual({ received: 4000, outstanding: 0, currency: 'USD' });
    expect(moneyMeters(withExtra)).toEqual(['cash', 'since']);
    expect(moneyKey(withExtra, { cash: 2, since: 1 })).toBe('2/1');
    expect(moneyKey(withExtra, { cash: 2 })).toBe('2/0');
    // Without extra payments the key is the money meter's value alone, whatever else is set.
    expect(moneyMeters(scenario)).toEqual(['cash']);
    expect(moneyKey(scenario, { cash: 2, since: 1 })).toBe('2');
  });

  it('shows as gauges the meters that are neither hidden nor money, in the scenario’s order', () => {
    // The money meter is told by the strip; a hidden meter is a fact the story remembers.
    expect(gaugeMeters(scenario).map((m) => m.id)).toEqual(['trust']);
    const more = {
      ...scenario,
      meters: [
        ...scenario.meters,
        { id: 'since', label: 'Paid since', min: 0, max: 3, start: 0, hidden: false },
        { id: 'warned', label: 'Warned', min: 0, max: 1, start: 0, hidden: true },
      ],
      money: { ...scenario.money, extra: { meter: 'since', amount: 1000 } },
    };
    expect(gaugeMeters(more).map((m) => m.id)).toEqual(['trust']);
    expect(gaugeMeters({ ...more, money: scenario.money }).map((m) => m.id)).toEqual(['trust', 'since']);
  });

  it('words the strip with the day alone until the money shows, then the money, or the money as it was while a payment is on its way', () => {
    expect(stripAt(scenario, { cash: 1 })).toEqual({ says: 'money', money: '1' });
    // A check mailed today: the money before the choice, and the day it is expected.
    expect(stripAt(scenario, { cash: 2 }, { meters: { cash: 1 }, by: 5 })).toEqual({ says: 'due', money: '1', by: 5 });
    const later = { ...scenario, money: { ...scenario.money, shownWhen: { meter: 'trust', atLeast: 5 } } };
    expect(stripAt(later, { cash: 2, trust: 4 })).toEqual({ says: 'day' });
    expect(stripAt(later, { cash: 2, trust: 4 }, { meters: { cash: 1 }, by: 5 })).toEqual({ says: 'day' });
    expect(stripAt(later, { cash: 2, trust: 5 })).toEqual({ says: 'money', money: '2' });
  });

  it('dates a day of the story from the calendar start, day 1 being the start, across a month end', () => {
    expect(dateOfDay('2025-02-21', 1).toISOString()).toBe('2025-02-21T12:00:00.000Z');
    expect(dateOfDay('2025-02-21', 11).toISOString()).toBe('2025-03-03T12:00:00.000Z');
  });

  it('lists the people of a medium once each, the sender first, and names the speaker', () => {
    expect(peopleIn({ kind: 'meeting', from: 'dana', to: ['mark', 'anna'], lines: [{ by: 'anna', text: 'Hi' }] })).toEqual([
      'dana',
      'mark',
      'anna',
    ]);
    expect(peopleIn({ kind: 'note', from: 'anna' })).toEqual(['anna']);
    expect(personOf(scenario, 'mark')?.name).toBe('Mark Ellis');
    expect(speakerOf(scenario, { from: 'mark' })).toBe('Mark Ellis');
    expect(speakerOf(scenario, { from: 'nobody' })).toBe('nobody');
  });
});
