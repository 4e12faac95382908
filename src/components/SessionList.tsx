// Saved workshop sessions on the facilitator landing page: resume, export or delete. The
// spreadsheet, Markdown and CSV files need the scenario's text, fetched when first asked for (the
// console's own props file), and the spreadsheet its writer, loaded on the click: neither this
// page nor the console carries them for nothing.
import { useSavedStore } from './use-store.ts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { $sessions, deleteSession } from '../stores/workshops.ts';
import { fitsScenario } from '../workshop/view.ts';
import { storageState } from '../stores/storage.ts';
import { fileStem, outcomeTable, sessionCsv, sessionJson, sessionMarkdown, voteTable } from '../workshop/export.ts';
import type { WorkshopSession } from '../workshop/session.ts';
import { download } from '../scripts/download.ts';
import { ConfirmDialog } from './PlayerParts.tsx';
import { translator, type Message } from '../i18n/messages.ts';
import { intlLocale, type Locale } from '../engine/locales.ts';
import type { ScenarioIslandProps } from '../course/props.ts';

interface Props {
  locale: Locale;
  messages: Record<string, Message>;
  /** Scenario titles by id, for the list. */
  titles: Record<string, string>;
}

type Format = 'xlsx' | 'md' | 'json' | 'csv';
// The spreadsheet first: it opens in columns in any Excel; the CSV stays for tools.
const formats: [Format, string][] = [
  ['xlsx', 'Excel'],
  ['md', 'Markdown'],
  ['json', 'JSON'],
  ['csv', 'CSV'],
];

export default function SessionList({ locale, messages, titles }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const sessions = useSavedStore($sessions, {});
  const [doomed, setDoomed] = useState<string>();
  const [status, setStatus] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const [storageOff, setStorageOff] = useState(false);
  useEffect(() => {
    setStorageOff(storageState() !== 'ok');
  }, []);
  // Arriving from a console's download link (?session=…): the sessions appear after the page
  // loads, so that row is marked and scrolled to here.
  const [asked, setAsked] = useState('');
  useEffect(() => setAsked(`session-${new URLSearchParams(location.search).get('session')}`), []);
  const scrolled = useRef(false);
  useEffect(() => {
    const row = asked && !scrolled.current && document.getElementById(asked);
    if (!row) return;
    scrolled.current = true;
    row.scrollIntoView({ block: 'center' });
  }, [asked, sessions]);
  const list = Object.values(sessions).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const date = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const save = async (s: WorkshopSession, format: Format) => {
    const stem = fileStem(s);
    setStatus('');
    let props: ScenarioIslandProps | undefined;
    try {
      const response = await fetch(`/${locale}/facilitate/${s.scenario}/console.json`);
      if (!response.ok) throw new Error(`the scenario answered ${response.status}`);
      props = (await response.json()) as ScenarioIslandProps;
    } catch (error) {
      console.warn('The scenario for this export could not be loaded.', error);
    }
    // A session saved before the scenario changed fits it no more: its JSON carries the session alone.
    const played = props && fitsScenario(props.scenario, s) ? props.scenario : undefined;
    if (format === 'json') return download(`${stem}.json`, sessionJson(s, played), 'application/json');
    if (!played) return setStatus(t(props ? 'workshop.exportStale' : 'workshop.exportFailed'));
    const tr = translator(locale, props!.messages);
    if (format === 'md') download(`${stem}.md`, sessionMarkdown(s, played, tr), 'text/markdown;charset=utf-8');
    else if (format === 'csv') download(`${stem}.csv`, sessionCsv(s, played, tr), 'text/csv;charset=utf-8');
    else {
      try {
        const { votesWorkbook } = await import('../workshop/xlsx.ts');
        const outcome = outcomeTable(s, played, tr);
        const file = await votesWorkbook(
          voteTable(s, played, tr),
          tr('workshop.path'),
          outcome && { ...outcome, sheet: tr('workshop.outcome') },
        );
        download(`${stem}.xlsx`, file, file.type);
      } catch (error) {
        console.warn('The spreadsheet could not be made.', error);
        setStatus(t('workshop.exportFailed'));
      }
    }
  };

  if (storageOff && list.length === 0) return <p class="storage-notice">{t('workshop.listOff')}</p>;
  if (list.length === 0) return <p class="muted">{t('workshop.noSessions')}</p>;
  return (
    <>
      <p class="player-notice" role="status">
        {status}
      </p>
      <ul class="sessions">
        {list.map((s) => (
          <li key={s.id} id={`session-${s.id}`} class={asked === `session-${s.id}` ? 'asked' : undefined}>
            <span>
              <strong>{s.name}</strong>
              <br />
              <span class="muted">
                {titles[s.scenario] ?? s.scenario} · {date(s.updatedAt)} · {t('workshop.decisions', { count: s.steps.length })}
              </span>
            </span>
            <span class="session-actions" role="group" aria-label={s.name}>
              <a class="button" href={`/${locale}/facilitate/${s.scenario}/?session=${s.id}`}>
                {t('workshop.resumeSession')}
              </a>
              {formats.map(([format, label]) => (
                <button
                  type="button"
                  class="secondary"
                  key={format}
                  aria-label={t('workshop.download', { format: label })}
                  onClick={() => void save(s, format)}
                >
                  {label}
                </button>
              ))}
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setDoomed(s.id);
                  dialog.current?.showModal();
                }}
              >
                {t('workshop.delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        dialog={dialog}
        id="delete-title"
        question={t('workshop.deleteConfirm', { name: (doomed && sessions[doomed]?.name) || '' })}
        confirm={t('workshop.delete')}
        cancel={t('player.cancel')}
        onConfirm={() => doomed && deleteSession(doomed)}
      />
    </>
  );
}
