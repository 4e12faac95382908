// A saved workshop session as a file to download, in the format the facilitator picked. The
// spreadsheet, Markdown and CSV need the scenario's text, fetched when first asked for (the
// console's own props file), and the spreadsheet its writer, loaded when asked for: the session
// list carries neither for nothing.
import type { PlayableScenario } from '../engine/play-view.ts';
import type { Locale } from '../engine/locales.ts';
import { type Message, translator } from '../i18n/messages.ts';
import { fileStem, outcomeTable, sessionCsv, sessionJson, sessionMarkdown, voteTable } from '../workshop/export.ts';
import type { WorkshopSession } from '../workshop/session.ts';
import { fitsScenario } from '../workshop/view.ts';

export type ExportFormat = 'xlsx' | 'md' | 'json' | 'csv';

/** The formats offered, with the name each button shows; the spreadsheet first: it opens in columns in any Excel, the CSV stays for tools. */
export const exportFormats: readonly (readonly [ExportFormat, string])[] = [
  ['xlsx', 'Excel'],
  ['md', 'Markdown'],
  ['json', 'JSON'],
  ['csv', 'CSV'],
];

/** A file to offer as a download: its name (see `fileStem`, with the format's extension), content and MIME type. */
export interface SessionFile {
  name: string;
  content: string | Blob;
  type: string;
}

/**
 * The file, or why there is none, as a message key: `workshop.exportStale` when the session was
 * saved before the scenario changed and fits it no more, `workshop.exportFailed` when the scenario
 * or the spreadsheet writer could not be loaded, or the spreadsheet not made.
 */
export type SessionExport = { file: SessionFile } | { problem: 'workshop.exportStale' | 'workshop.exportFailed' };

/** What of the console's props file (course/props.ts, ScenarioIslandProps) an export reads. */
interface ConsoleProps {
  scenario: PlayableScenario;
  messages: Record<string, Message>;
}

/** The console's props for `scenario` in `locale` (scenario and messages), or undefined where they could not be fetched (logged). */
async function scenarioProps(scenario: string, locale: Locale, get: typeof fetch): Promise<ConsoleProps | undefined> {
  try {
    const response = await get(`/${locale}/facilitate/${scenario}/console.json`);
    if (!response.ok) throw new Error(`the scenario answered ${response.status}`);
    return (await response.json()) as ConsoleProps;
  } catch (error) {
    console.warn('The scenario for this export could not be loaded.', error);
    return undefined;
  }
}

/**
 * `session` as a file in `format`, its text in `locale`, fetching the scenario with `get`. The
 * JSON is made whatever happens: without the scenario, or where the session fits it no more, it
 * carries the session alone. Never rejects.
 */
export async function exportSession(
  session: WorkshopSession,
  format: ExportFormat,
  locale: Locale,
  get: typeof fetch = fetch,
): Promise<SessionExport> {
  const stem = fileStem(session);
  const props = await scenarioProps(session.scenario, locale, get);
  const played = props && fitsScenario(props.scenario, session) ? props.scenario : undefined;
  if (format === 'json') return { file: { name: `${stem}.json`, content: sessionJson(session, played), type: 'application/json' } };
  if (!props || !played) return { problem: props ? 'workshop.exportStale' : 'workshop.exportFailed' };
  const t = translator(locale, props.messages);
  if (format === 'md')
    return { file: { name: `${stem}.md`, content: sessionMarkdown(session, played, t), type: 'text/markdown;charset=utf-8' } };
  if (format === 'csv') return { file: { name: `${stem}.csv`, content: sessionCsv(session, played, t), type: 'text/csv;charset=utf-8' } };
  try {
    const { votesWorkbook } = await import('../workshop/xlsx.ts');
    const outcome = outcomeTable(session, played, t);
    const file = await votesWorkbook(
      voteTable(session, played, t),
      t('workshop.path'),
      outcome && { ...outcome, sheet: t('workshop.outcome') },
    );
    return { file: { name: `${stem}.xlsx`, content: file, type: file.type } };
  } catch (error) {
    console.warn('The spreadsheet could not be made.', error);
    return { problem: 'workshop.exportFailed' };
  }
}
