import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeScreenMessage, decodeSession, forScreen, majority, newSession, shares, total, hiddenTally } from './session.ts';
import { csvField, fileStem, outcomeTable, sessionCsv, sessionMarkdown } from './export.ts';
import { createWorkshop } from '../stores/workshop.ts';
import { fitsScenario } from './view.ts';
import { localize } from '../engine/localize.ts';
import { outcome } from '../engine/scoring.ts';
import { translator, type Message } from '../i18n/messages.ts';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

const session = () => newSession('mini-contractor', 'Среда, группа «А»', new Date('2026-11-27T10:00:00Z'), 'abc');

/** A small RFC 4180 reader, to prove the CSV parses back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('votes', () => {
  it('the majority is the choice with most votes; none on a tie at the top, none without votes', () => {
    expect(majority({ a: 2, b: 5, c: 4 }, ['a', 'b', 'c'])).toBe('b');
    expect(majority({ a: 2, b: 5, c: 5 }, ['a', 'b', 'c'])).toBeUndefined();
    expect(majority({ a: 5, b: 5, c: 7 }, ['a', 'b', 'c'])).toBe('c');
    expect(majority({}, ['a', 'b'])).toBeUndefined();
    expect(majority({ a: 0 }, ['a'])).toBeUndefined();
  });

  it('the screen gets only the number of votes until they are revealed', () => {
    const s = { ...session(), tallies: [{ remind: 7, wait: 5 }] };
    expect(forScreen(s).tallies).toEqual([{ [hiddenTally]: 12 }]);
    expect(total(forScreen(s).tallies[0])).toBe(12);
    expect(forScreen({ ...s, revealed: true }).tallies).toEqual([{ remind: 7, wait: 5 }]);
  });
});

describe('the console store', () => {
  const scenario = localize(loadValid('mini-contractor'), 'ru');

  it('records the votes at each decision and moves the story with any choice', () => {
    const saved: ReturnType<typeof session>[] = [];
    const w = createWorkshop(scenario, session(), (s) => saved.push(s));
    w.vote('remind', 1);
    w.vote('remind', 1);
    w.setVotes('wait', 40);
    w.vote('wait', -1);
    expect(w.$view.get().tally).toEqual({ remind: 2, wait: 39 });
    w.go('remind');
    expect(w.$view.get().feedback?.choice.label).toBe('Отправить дружеское напоминание');
    expect(w.$session.get().tallies).toEqual([{ remind: 2, wait: 39 }, {}]);
    w.back();
    expect(w.$session.get().steps).toEqual([]);
    // Each of the six actions saved the session as it then stood, the last one as it stands now.
    expect(saved).toHaveLength(6);
    expect(saved.at(-1)).toEqual(w.$session.get());
    expect(saved[4]!.steps).toEqual([{ node: 'unpaid', choice: 'remind' }]);
  });

  it('clears a set timer, and leaves a session whose timer is already clear unchanged and unsaved', () => {
    const saved: ReturnType<typeof session>[] = [];
    const w = createWorkshop(scenario, session(), (s) => saved.push(s));
    w.resetTimer();
    expect(saved).toHaveLength(0);
    w.startTimer(2);
    w.resetTimer();
    expect(w.$session.get().timer).toEqual({});
    expect(saved).toHaveLength(2);
    w.resetTimer();
    expect(saved).toHaveLength(2);
  });

  it('clears a timer that ran out as the room moves on (a choice, the next moment, a step back), and keeps one with time left', () => {
    const over = { endsAt: Date.now() - 1 };
    const w = createWorkshop(scenario, { ...session(), timer: over }, () => {});
    w.go('remind');
    expect(w.$session.get().timer).toEqual({});
    for (const move of [() => w.continueOn(), () => w.back()]) {
      w.edit((s) => ({ ...s, timer: over }));
      move();
      expect(w.$session.get().timer).toEqual({});
    }
    const running = { endsAt: Date.now() + 60_000 };
    w.edit((s) => ({ ...s, timer: running }));
    w.go('remind');
    w.continueOn();
    expect(w.$session.get().timer).toEqual(running);
  });

  it('resumes only a session whose decisions still lead through the scenario', () => {
    const played = { ...session(), steps: [{ node: 'unpaid', choice: 'remind' }], tallies: [{ remind: 3 }, {}] };
    expect(fitsScenario(scenario, session())).toBe(true);
    expect(fitsScenario(scenario, played)).toBe(true);
    // Saved before an edit removed a choice or a moment, or for the other scenario.
    expect(fitsScenario(scenario, { ...played, steps: [{ node: 'unpaid', choice: 'gone' }] })).toBe(false);
    expect(fitsScenario(scenario, { ...played, steps: [{ node: 'gone', choice: 'remind' }] })).toBe(false);
    expect(fitsScenario(scenario, { ...session(), scenario: 'mini-client' })).toBe(false);
  });
});

describe('exports', () => {
  const scenario = localize(loadValid('mini-contractor'), 'ru');
  const t = translator<string>('ru', ru as Record<string, Message>);

  it('quotes CSV fields as RFC 4180 asks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes the votes as CSV with a byte-order mark that parses back with its Cyrillic intact', () => {
    const w = createWorkshop(scenario, session(), () => {});
    w.setVotes('wait', 12);
    w.setVotes('remind', 3);
    w.go('wait');
    const csv = sessionCsv(w.$session.get(), scenario, t);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Решение', 'Момент', 'Вариант', 'Голоса', 'Выбран']);
    expect(rows).toContainEqual(['1', 'Unpaid', 'Промолчать', '12', 'да']);
    expect(rows).toContainEqual(['1', 'Unpaid', 'Отправить дружеское напоминание', '3', '']);
  });

  it('keeps the CSV of a finished session one table, the votes, every row as wide as its header', () => {
    const w = createWorkshop(scenario, session(), () => {});
    for (const c of ['remind', 'blunt', 'skip']) w.go(c);
    const played = w.$session.get();
    const rows = parseCsv(sessionCsv(played, scenario, t).slice(1));
    expect(rows[0]).toEqual(['Решение', 'Момент', 'Вариант', 'Голоса', 'Выбран']);
    expect(rows.length).toBeGreaterThan(played.steps.length);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
  });

  it('gives the spreadsheet’s outcome of a finished session the ending, its tone, the room’s grade and each principle against its reference, as the engine scores the path', () => {
    const w = createWorkshop(scenario, session(), () => {});
    for (const c of ['remind', 'blunt', 'skip']) w.go(c);
    const played = w.$session.get();
    const expected = outcome(scenario, played.steps)!;
    const table = outcomeTable(played, scenario, t)!;
    expect([table.header, ...table.rows]).toEqual([
      [
        'Итог',
        'Значение (засчитанные баллы принципа)',
        'Баллы на пути без ограничения (не засчитываются)',
        'Эталон: баллы рекомендуемого пути, больше не засчитывается',
      ],
      ['Финал', expected.ending.title, '', ''],
      ['Чем кончилась история', t(`tone.${expected.ending.tone}`), '', ''],
      ['Оценка группы', t(`grade.${expected.grade}`), '', ''],
      [t('player.overall'), expected.overall, '', 100],
      ...expected.principles.map((p) => [t(`principle.${p.principle}`), p.counted, p.earned, p.max]),
    ]);
    // A path off the recommended one: the reference is not what the room earned.
    expect(expected.principles.some((p) => p.counted < p.max)).toBe(true);
  });

  it('summarises a finished session in Markdown with the path, the votes and the scores', () => {
    const w = createWorkshop(scenario, session(), () => {});
    for (const c of ['remind', 'warn', 'agree']) {
      w.setVotes(c, 9);
      w.go(c);
    }
    const md = sessionMarkdown(w.$session.get(), scenario, t);
    expect(md).toContain('# Среда, группа «А»');
    expect(md).toContain('**Unpaid**: Отправить дружеское напоминание (голосов: 9 из 9)');
    expect(md).toContain('   - Промолчать — 0 голосов');
    expect(md).toContain('Ясная договорённость');
    expect(md).toContain('100 из 100');
  });

  it('agrees the votes with their total in English: 1 of 1 vote, 2 of 5 votes', () => {
    const english = translator<string>('en', en as Record<string, Message>);
    const w = createWorkshop(scenario, session(), () => {});
    w.setVotes('remind', 1);
    w.go('remind');
    w.setVotes('warn', 2);
    w.setVotes('blunt', 3);
    w.go('warn');
    const md = sessionMarkdown(w.$session.get(), scenario, english);
    expect(md).toContain('(1 of 1 vote)');
    expect(md).toContain('(2 of 5 votes)');
  });

  it('gives no count for a decision taken without votes, rather than "0 of 0 votes"', () => {
    const english = translator<string>('en', en as Record<string, Message>);
    const w = createWorkshop(scenario, session(), () => {});
    w.go('remind');
    w.setVotes('warn', 2);
    w.go('warn');
    const md = sessionMarkdown(w.$session.get(), scenario, english);
    expect(md).toMatch(/^1\. \*\*Unpaid\*\*: [^(\n]+$/m);
    expect(md).toContain('(2 of 2 votes)');
    expect(md).not.toContain('0 of 0');
  });

  it('names the files after the session, with its day unless the name already gives the year', () => {
    const at = new Date('2026-11-30T10:00:00Z');
    expect(fileStem(newSession('s', 'Wednesday, group A', at, 'a1'))).toBe('wednesday-group-a-2026-11-30');
    expect(fileStem(newSession('s', 'Тренинг, 30 нояб. 2026 г.', at, 'a1'))).toBe('тренинг-30-нояб-2026-г');
    expect(fileStem(newSession('s', '«»', at, 'a1'))).toBe('workshop-2026-11-30');
  });
});

describe('decoders of outside data', () => {
  it('a session survives a round trip through JSON', () => {
    const s = {
      ...session(),
      steps: [{ node: 'unpaid', choice: 'remind' }],
      tallies: [{ remind: 3 }, {}],
      timer: { endsAt: 1_800_000_000_000 },
    };
    expect(decodeSession(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('the session decoder never throws and accepts only what re-encodes to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            v: fc.constant(1),
            id: fc.string(),
            scenario: fc.string(),
            name: fc.string(),
            createdAt: fc.constant('2026-01-01T00:00:00Z'),
            updatedAt: fc.string(),
            steps: fc.array(fc.anything()),
            tallies: fc.array(fc.dictionary(fc.string(), fc.anything())),
            revealed: fc.boolean(),
            feedback: fc.boolean(),
            counterpart: fc.boolean(),
            timer: fc.anything(),
            muted: fc.boolean(),
          }),
        ),
        (value) => {
          const decoded = decodeSession(value);
          if (decoded) expect(decodeSession(JSON.parse(JSON.stringify(decoded)))).toEqual(decoded);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('console-screen messages are ignored unless well-formed, and never throw', () => {
    expect(decodeScreenMessage({ ns: 'checks-in-the-mail/workshop', v: 1, type: 'hello' })).toMatchObject({ type: 'hello' });
    expect(decodeScreenMessage({ ns: 'checks-in-the-mail/workshop', v: 2, type: 'hello' })).toBeUndefined();
    expect(decodeScreenMessage({ ns: 'other', v: 1, type: 'hello' })).toBeUndefined();
    expect(decodeScreenMessage({ ns: 'checks-in-the-mail/workshop', v: 1, type: 'state', session: { v: 1 } })).toBeUndefined();
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const decoded = decodeScreenMessage(value);
        if (decoded) expect(['hello', 'state']).toContain(decoded.type);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('one session in two consoles (two tabs)', () => {
  const content = loadValid('mini-contractor');
  const scenario = localize(content, 'en');
  /** Two consoles of one session over one saved copy, neither hearing of the other's changes. */
  const twoConsoles = () => {
    let saved = session();
    const save = (s: ReturnType<typeof session>) => {
      saved = s;
    };
    const a = createWorkshop(scenario, saved, save, () => saved);
    const b = createWorkshop(scenario, saved, save, () => saved);
    return { a, b, saved: () => saved };
  };

  it('adds up the votes of both instead of keeping one console’s', () => {
    const { a, b, saved } = twoConsoles();
    a.vote('remind', 1);
    a.vote('remind', 1);
    b.vote('wait', 1);
    expect(saved().tallies.at(-1)).toEqual({ remind: 2, wait: 1 });
    expect(b.$view.get().tally).toEqual({ remind: 2, wait: 1 });
  });

  it('ignores a choice the room has already moved past on the other console, and shows where it is', () => {
    const { a, b, saved } = twoConsoles();
    a.go('remind');
    a.continueOn();
    // Console b still shows the first decision; its "go" comes too late.
    expect(b.go('wait')).toEqual({ code: 'unknown-choice', node: 'ask', choice: 'wait' });
    expect(saved().steps).toEqual([{ node: 'unpaid', choice: 'remind' }]);
    expect(b.$view.get().node.id).toBe('ask');
  });

  it('follows a newer version saved elsewhere, and not an older one', () => {
    const { a, b } = twoConsoles();
    a.vote('remind', 3);
    b.follow(a.$session.get());
    expect(b.$view.get().tally).toEqual({ remind: 3 });
    b.follow(session());
    expect(b.$view.get().tally).toEqual({ remind: 3 });
  });
});

describe('the shares of the vote on the projector screen', () => {
  it('are whole percents that add up to 100, rounded as running totals', () => {
    expect(shares({ a: 1, b: 1, c: 1 }, ['a', 'b', 'c'])).toEqual({ a: 33, b: 34, c: 33 });
    expect(shares({ a: 2, b: 1 }, ['a', 'b'])).toEqual({ a: 67, b: 33 });
    expect(shares({ b: 5 }, ['a', 'b'])).toEqual({ a: 0, b: 100 });
  });

  it('are all 0 before any vote is in, and count only the choices asked about', () => {
    expect(shares({}, ['a', 'b'])).toEqual({ a: 0, b: 0 });
    expect(shares(undefined, ['a'])).toEqual({ a: 0 });
    expect(shares({ a: 1, [hiddenTally]: 9 }, ['a', 'b'])).toEqual({ a: 100, b: 0 });
  });

  it('add up to 100 for any votes, each within one point of its exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 9 }), (counts) => {
        const order = counts.map((_, i) => `c${i}`);
        const tally = Object.fromEntries(order.map((id, i) => [id, counts[i]!]));
        const all = counts.reduce((a, b) => a + b, 0);
        const got = shares(tally, order);
        expect(Object.values(got).reduce((a, b) => a + b, 0)).toBe(all ? 100 : 0);
        for (const [i, id] of order.entries()) {
          expect(Number.isInteger(got[id])).toBe(true);
          expect(Math.abs(got[id]! - (all ? (100 * counts[i]!) / all : 0))).toBeLessThan(1);
        }
      }),
    );
  });
});
