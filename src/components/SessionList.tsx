// Saved workshop sessions on the facilitator landing page: resume, export or delete.
import { useStore } from '../islands/use-store.ts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { $sessions, deleteSession, startSessions } from '../stores/workshops.ts';
import { fileStem, sessionJson } from '../workshop/export.ts';
import { download } from '../scripts/download.ts';
import { ConfirmDialog } from './PlayerParts.tsx';
import { translator, type Message } from '../i18n/messages.ts';
import { intlLocale, type Locale } from '../i18n/locales.ts';

interface Props {
  locale: Locale;
  messages: Record<string, Message>;
  /** Scenario titles by id, for the list. */
  titles: Record<string, string>;
}

export default function SessionList({ locale, messages, titles }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const sessions = useStore($sessions);
  const [doomed, setDoomed] = useState<string>();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(startSessions, []);
  const list = Object.values(sessions).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const date = (iso: string) => new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  if (list.length === 0) return <p class="muted">{t('workshop.noSessions')}</p>;
  return (
    <>
      <ul class="sessions">
        {list.map((s) => (
          <li key={s.id}>
            <span>
              <strong>{s.name}</strong>
              <br />
              <span class="muted">
                {titles[s.scenario] ?? s.scenario} · {date(s.updatedAt)} · {t('workshop.decisions', { count: s.steps.length })}
              </span>
            </span>
            <span class="session-actions">
              <a class="button" href={`/${locale}/facilitate/${s.scenario}/?session=${s.id}`}>
                {t('workshop.resumeSession')}
              </a>
              <button type="button" class="secondary" onClick={() => download(`${fileStem(s)}.json`, sessionJson(s), 'application/json')}>
                {t('workshop.exportJson')}
              </button>
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
