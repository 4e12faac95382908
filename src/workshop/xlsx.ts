// The table of votes as a real spreadsheet (Office Open XML, .xlsx), the first download on the
// facilitator page: Excel opens it in columns whatever its regional settings (a CSV lands in one
// column where Excel expects ";", as with Russian settings). Written by write-excel-file, a
// well-kept library, and loaded only when a facilitator asks for the file: this module and the
// library form their own chunk (named on-click-… in astro.config.mjs), which `npm run measure`
// reports apart from the page's budget.
import writeExcelFile from 'write-excel-file/browser';
import type { OutcomeRow, VoteRow } from './export.ts';

/** A worksheet name Excel accepts: none of \ / ? * [ ] : and at most 31 characters. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';

const cell = (value: string | number) => (typeof value === 'number' ? { value, type: Number } : { value, wrap: true });
const bold = (value: string) => ({ value, fontWeight: 'bold' as const });

/**
 * The votes table as an .xlsx file: the header in bold and frozen, numbers as numbers, long text
 * wrapped. `sheet` names the worksheet (e.g. the localized "The room’s path"). With an outcome
 * (the room reached an ending), a second worksheet holds it, named by `outcome.sheet`.
 */
export function votesWorkbook(
  table: { header: string[]; rows: VoteRow[] },
  sheet: string,
  outcome?: { header: string[]; rows: OutcomeRow[]; sheet: string },
): Promise<Blob> {
  const votes = {
    data: [table.header.map(bold), ...table.rows.map((row) => row.map(cell))],
    sheet: sheetName(sheet),
    stickyRowsCount: 1,
    columns: [{ width: 10 }, { width: 36 }, { width: 56 }, { width: 10 }, { width: 10 }],
  };
  const scores = outcome && {
    // An empty cell is left out rather than written as an empty string.
    data: [outcome.header.map(bold), ...outcome.rows.map((row) => row.map((v) => (v === '' ? null : cell(v))))],
    sheet: sheetName(outcome.sheet),
    stickyRowsCount: 1,
    columns: [{ width: 24 }, { width: 36 }, { width: 14 }, { width: 14 }],
  };
  return writeExcelFile(scores ? [votes, scores] : [votes]).toBlob();
}
