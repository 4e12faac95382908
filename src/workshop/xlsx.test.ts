import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { votesWorkbook } from './xlsx.ts';
import { outcomeTable, voteTable } from './export.ts';
import { outcome } from '../engine/scoring.ts';
import { createWorkshop } from '../stores/workshop.ts';
import { newSession } from './session.ts';
import { localize } from '../engine/localize.ts';
import { translator, type Message } from '../i18n/messages.ts';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

/** Reads a workbook back with ExcelJS, an independent reader: its sheets' names and their rows as plain values. */
async function readBack(file: Blob) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  return book.worksheets.map((sheet) => ({
    name: sheet.name,
    frozen: sheet.views[0]?.state === 'frozen' ? sheet.views[0].ySplit : 0,
    rows: sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : [])),
  }));
}

describe('the workshop spreadsheet', () => {
  const plain = localize(loadValid('mini-contractor'), 'ru');
  // Labels with everything that trips up a CSV in Excel: commas, quotes, a line break, Cyrillic.
  const tricky = 'Ответить: «да», но "с условием";\nи назвать срок';
  const scenario = {
    ...plain,
    nodes: plain.nodes.map((n) =>
      n.type === 'decision' ? { ...n, choices: n.choices.map((c) => (c.id === 'wait' ? { ...c, label: tricky } : c)) } : n,
    ),
  };
  const t = translator<string>('ru', ru as Record<string, Message>);

  it('parses back, with another library, to the same table: Cyrillic, commas, quotes and line breaks intact, numbers as numbers', async () => {
    const w = createWorkshop(scenario, newSession('mini-contractor', 'Группа «А», среда', new Date(), 'abc'), () => {});
    w.setVotes('wait', 12);
    w.setVotes('remind', 3);
    w.go('wait');
    const table = voteTable(w.$session.get(), scenario, t);
    const file = await votesWorkbook(table, t('workshop.path'));
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet, ...others] = await readBack(file);
    expect(others).toEqual([]);
    expect(sheet!.name).toBe('Путь группы');
    // An empty cell is no cell at all in the file (the last column says "chosen" only where it was).
    const expected = [table.header, ...table.rows].map((r) => (r.at(-1) === '' ? r.slice(0, -1) : r));
    expect(sheet!.rows).toEqual(expected);
    expect(sheet!.rows).toContainEqual([1, 'Unpaid', tricky, 12, 'да']);
    // The header stays in view while the facilitator scrolls.
    expect(sheet!.frozen).toBe(1);
  });

  it('holds a finished room’s outcome on a second sheet: tone, grade, overall, and each principle against its reference', async () => {
    const w = createWorkshop(scenario, newSession('mini-contractor', 'Группа «Б»', new Date(), 'abd'), () => {});
    for (const c of ['remind', 'blunt', 'skip']) w.go(c);
    const played = w.$session.get();
    const table = outcomeTable(played, scenario, t)!;
    const [votes, scores] = await readBack(
      await votesWorkbook(voteTable(played, scenario, t), t('workshop.path'), { ...table, sheet: t('workshop.outcome') }),
    );
    expect(votes!.name).toBe('Путь группы');
    expect(scores!.name).toBe(t('workshop.outcome'));
    const expected = outcome(scenario, played.steps)!;
    // Empty cells are absent from the file; numbers stay numbers.
    expect(scores!.rows).toEqual([
      table.header,
      ['Финал', expected.ending.title],
      ['Чем кончилась история', t(`tone.${expected.ending.tone}`)],
      ['Оценка группы', t(`grade.${expected.grade}`)],
      [t('player.overall'), expected.overall, undefined, 100],
      ...expected.principles.map((p) => [t(`principle.${p.principle}`), p.counted, p.earned, p.max]),
    ]);
  });

  it('says in each language which figure of a principle counts, which does not, and which is the reference', async () => {
    // The words a reader looks for in a header, by what the column holds.
    const says = {
      en: { counted: /points that count/, raw: /not counted/, reference: /^Reference: the recommended path/ },
      ru: { counted: /засчитанные баллы/, raw: /не засчитываются/, reference: /^Эталон: баллы рекомендуемого пути/ },
    } as const;
    for (const locale of ['en', 'ru'] as const) {
      const tl = translator<string>(locale, (locale === 'en' ? en : ru) as Record<string, Message>);
      const here = localize(loadValid('mini-contractor'), locale);
      const w = createWorkshop(here, newSession('mini-contractor', 'A', new Date(), 'abe'), () => {});
      for (const c of ['remind', 'blunt', 'skip']) w.go(c);
      const played = w.$session.get();
      const table = outcomeTable(played, here, tl)!;
      const [, scores] = await readBack(await votesWorkbook(voteTable(played, here, tl), 'path', { ...table, sheet: 'outcome' }));
      const [header, ...rows] = scores!.rows as [string[], ...unknown[][]];
      const column = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
      const expected = outcome(here, played.steps)!;
      for (const p of expected.principles) {
        const row = rows.find((r) => r[0] === tl(`principle.${p.principle}`))!;
        expect([row[column(says[locale].counted)], row[column(says[locale].raw)], row[column(says[locale].reference)]]).toEqual([
          p.counted,
          p.earned,
          p.max,
        ]);
      }
    }
  });

  it('names its sheet within Excel’s rules', async () => {
    const file = await votesWorkbook(
      { header: ['a'], rows: [] },
      'A path: with [brackets] / slashes? and far more than thirty-one characters',
    );
    const [sheet] = await readBack(file);
    expect(sheet!.name).toBe('A path  with  brackets    slash');
  });
});
