// Saved workshop sessions on the facilitator landing page: resume, export (stores/session-export.ts
// makes the files) or delete.
import { useSavedStore } from './use-store.ts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { $sessions, deleteSession, emptyListNotice, newestFirst } from '../stores/workshops.ts';
import { storageState } from '../stores/storage.ts';
import { exportFormats, exportSession, type ExportFormat } from '../stores/session-export.ts';
import type { WorkshopSession } from '../workshop/session.ts';
import { download } from '../scripts/download.ts';
import { ConfirmDialog } from './PlayerParts.tsx';
import { translator, type Message } from '../i18n/messages.ts';
import { formatDayTime } from '../i18n/dates.ts';
import { intlLocale, type Locale } from '../engine/locales.ts';
import { consolePath } from '../workshop/addresses.ts';

interface Props {
  locale: Locale;
  messages: Record<string, Message>;
  /** Scenario titles by id, for the list. */
  titles: Record<string, string>;
}

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
  const list = newestFirst(sessions);

  const save = async (s: WorkshopSession, format: ExportFormat) => {
    setStatus('');
    const made = await exportSession(s, format, locale);
    if ('file' in made) download(made.file.name, made.file.content, made.file.type);
    else setStatus(t(made.problem));
  };

  const empty = emptyListNotice(list.length, !storageOff);
  if (empty) return <p class={empty === 'workshop.listOff' ? 'storage-notice' : 'muted'}>{t(empty)}</p>;
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
                {titles[s.scenario] ?? s.scenario} · {formatDayTime(s.updatedAt, intlLocale[locale])} ·{' '}
                {t('workshop.decisions', { count: s.steps.length })}
              </span>
            </span>
            <span class="session-actions" role="group" aria-label={s.name}>
              <a class="button" href={consolePath(locale, s.scenario, s.id)}>
                {t('workshop.resumeSession')}
              </a>
              {exportFormats.map(([format, label]) => (
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
