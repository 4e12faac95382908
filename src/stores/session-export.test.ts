import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localize } from '../engine/localize.ts';
import en from '../i18n/en.json';
import { newSession } from '../workshop/session.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { exportSession } from './session-export.ts';
import { createWorkshop } from './workshop.ts';

const scenario = localize(loadValid('mini-contractor'), 'en');

/** A session of the fixture scenario that has reached an ending, with votes at its first decision. */
function finished() {
  const w = createWorkshop(scenario, newSession('mini-contractor', 'Wednesday, group A', new Date('2026-11-27T10:00:00Z'), 'a1'), () => {});
  w.setVotes('remind', 9);
  for (const c of ['remind', 'blunt', 'skip']) w.go(c);
  return w.$session.get();
}

/** A `fetch` that answers the console's props file with the fixture scenario and the English messages, recording what was asked. */
function serving(asked: string[] = []) {
  const get = vi.fn(async (url: string | URL | Request) => {
    asked.push(String(url));
    return Response.json({ scenario, locale: 'en', messages: en });
  });
  return get as unknown as typeof fetch;
}

afterEach(() => vi.restoreAllMocks());

describe('a saved session as a file', () => {
  it('fetches the scenario from the console’s props file and names each file after the session and its day', async () => {
    const asked: string[] = [];
    const session = finished();
    const md = await exportSession(session, 'md', 'en', serving(asked));
    expect(asked).toEqual(['/en/facilitate/mini-contractor/console.json']);
    expect(md).toMatchObject({ file: { name: 'wednesday-group-a-2026-11-27.md', type: 'text/markdown;charset=utf-8' } });
    expect('file' in md && md.file.content).toContain('# Wednesday, group A');
    const csv = await exportSession(session, 'csv', 'en', serving());
    expect(csv).toMatchObject({ file: { name: 'wednesday-group-a-2026-11-27.csv', type: 'text/csv;charset=utf-8' } });
    expect('file' in csv && csv.file.content).toMatch(/^\uFEFFDecision,/);
    const json = await exportSession(session, 'json', 'en', serving());
    expect(json).toMatchObject({ file: { name: 'wednesday-group-a-2026-11-27.json', type: 'application/json' } });
    expect(JSON.parse('file' in json ? String(json.file.content) : '')).toMatchObject({ id: 'a1', outcome: { grade: expect.any(String) } });
  });

  it('makes the spreadsheet with the votes and, for a finished session, the outcome on a second sheet', async () => {
    const made = await exportSession(finished(), 'xlsx', 'en', serving());
    if (!('file' in made)) throw new Error(`no spreadsheet: ${made.problem}`);
    expect(made.file.name).toBe('wednesday-group-a-2026-11-27.xlsx');
    expect(made.file.content).toBeInstanceOf(Blob);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (made.file.content as Blob).arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual([en['workshop.path'], en['workshop.outcome']]);
    expect(book.worksheets[0]!.getRow(2).getCell(4).value).toBe(9);
  });

  it('says the session fits the scenario no more, or the scenario could not be loaded, and still gives the JSON with the session alone', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stale = { ...finished(), steps: [{ node: 'nowhere', choice: 'nothing' }] };
    expect(await exportSession(stale, 'csv', 'en', serving())).toEqual({ problem: 'workshop.exportStale' });
    const down = vi.fn(async () => new Response('', { status: 503 })) as unknown as typeof fetch;
    expect(await exportSession(finished(), 'xlsx', 'en', down)).toEqual({ problem: 'workshop.exportFailed' });
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const json = await exportSession(stale, 'json', 'en', offline);
    expect(json).toMatchObject({ file: { name: 'wednesday-group-a-2026-11-27.json' } });
    const saved = JSON.parse('file' in json ? String(json.file.content) : '');
    expect(saved).toMatchObject({ kind: 'checks-in-the-mail/workshop', id: 'a1' });
    expect(saved).not.toHaveProperty('outcome');
  });
});
