// The progress page: best results side by side, the principles overall, the certificate, and
// the learner's data (export, import, reset).
import { useSavedStore, useStore } from './use-store.ts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { $progress, $storageNotice, noticeRefusedWrites } from '../stores/progress.ts';
import { rescoreFetched } from '../stores/results.ts';
import { emptyProgress } from '../stores/progress-format.ts';
import { certificateName, createProgressData, setCertificateName } from '../stores/progress-file.ts';
import { itemState } from '../stores/course-state.ts';
import { goodFrom, progressSummary } from '../stores/course-results.ts';
import { principleScore, translator, type Message } from '../i18n/messages.ts';
import { intlLocale, type Locale } from '../engine/locales.ts';
import { formatLongDay } from '../i18n/dates.ts';
import StorageNotice from './StorageNotice.tsx';
import { ConfirmDialog } from './PlayerParts.tsx';
import { download } from '../scripts/download.ts';
import './ProgressPage.css';

interface Props {
  locale: Locale;
  messages: Record<string, Message>;
  principles: string[];
  scenarios: { id: string; title: string; href: string; endings: Record<string, string> }[];
  lessons: { id: string; title: string; href: string }[];
}

export default function ProgressPage({ locale, messages, principles, scenarios, lessons }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  // Listens before the saved progress is read (useSavedStore starts it), which may say it was reset.
  const storageNotice = useStore($storageNotice);
  const progress = useSavedStore($progress, emptyProgress());
  const data = useMemo(createProgressData, []);
  const message = useStore(data.$message);
  const name = certificateName(progress);
  const dialog = useRef<HTMLDialogElement>(null);
  const importDialog = useRef<HTMLDialogElement>(null);
  // Known once the page runs: some embedded and locked-down browsers cannot print.
  const [printable, setPrintable] = useState(true);
  useEffect(() => {
    setPrintable(typeof print === 'function');
    // This page only reads what is saved: a storage that refuses writes is found out by asking it.
    noticeRefusedWrites();
  }, []);
  const summary = progressSummary(
    progress,
    scenarios,
    lessons.map((l) => l.id),
    principles,
  );
  const { overall, finished, awaiting, weak, scenarios: columns } = summary;
  // Results saved under the earlier rules with their run are re-scored by replaying it (once,
  // after an upgrade or an import).
  useEffect(() => void rescoreFetched(awaiting), [awaiting.map((s) => s.id).join(' ')]);

  // Every way of saying no to an import (Cancel, Escape) closes its dialog without "confirm".
  useEffect(() => {
    const asked = importDialog.current;
    if (!asked) return;
    const closed = () => {
      if (asked.returnValue !== 'confirm') data.cancelImport();
      // Escape would leave the last answer in place for the next time.
      asked.returnValue = '';
    };
    asked.addEventListener('close', closed);
    return () => asked.removeEventListener('close', closed);
  }, [data]);

  const save = () => {
    const file = data.exportFile();
    download(file.name, file.content, file.type);
  };
  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    // Cleared, so choosing the same file again (after a cancel) is heard.
    input.value = '';
    if (data.choose(text)) importDialog.current?.showModal();
  };

  return (
    <div class="progress-page">
      <StorageNotice notice={storageNotice} t={t} />
      <h2>{t('progress.scenarios')}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must take focus so keyboard users can scroll it (WCAG 2.1.1) */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('progress.scenarios')}>
        <table>
          <thead>
            <tr>
              <td />
              {scenarios.map((s) => (
                <th scope="col" key={s.id}>
                  <a href={s.href}>{s.title}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('progress.bestEnding')}</th>
              {columns.map((c) => (
                <td key={c.id}>
                  {c.counted ? `${c.counted.ending} (${t(`grade.${c.counted.grade}`)})` : c.notPlayed && t('progress.notPlayed')}
                  {c.earlier && (
                    <span class="earlier">{t('progress.earlier', { ending: c.earlier.ending, score: c.earlier.overall })}</span>
                  )}
                </td>
              ))}
            </tr>
            {principles.map((p) => (
              <tr key={p}>
                <th scope="row">{t(`principle.${p}`)}</th>
                {columns.map((c) => {
                  const r = c.principles[p];
                  return <td key={c.id}>{r ? principleScore(t, r) : '—'}</td>;
                })}
              </tr>
            ))}
            <tr class="overall">
              <th scope="row">{t('player.overall')}</th>
              {columns.map((c) => (
                <td key={c.id}>{c.counted ? t('player.overallValue', { score: c.counted.overall }) : '—'}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {/* What "of" and a score in parentheses mean, under the scores that show them. */}
      <p class="muted">{t('player.maxNote')}</p>

      <h2>{t('progress.principles')}</h2>
      <dl class="scores">
        {overall.principles.map((p) => (
          <div key={p.principle}>
            <dt>{t(`principle.${p.principle}`)}</dt>
            <dd>{p.max > 0 ? principleScore(t, p) : '—'}</dd>
          </div>
        ))}
      </dl>

      <h2>{t('progress.lessons')}</h2>
      <ul class="lesson-list">
        {lessons.map((l) => (
          <li key={l.id}>
            <a href={l.href}>{l.title}</a>{' '}
            <span class="muted">— {t(`home.state.${itemState(progress, { kind: 'lesson', id: l.id })}`)}</span>
          </li>
        ))}
      </ul>

      <h2 id="certificate">{t('progress.certificate')}</h2>
      {summary.certificate === 'complete' ? (
        <>
          <label class="field">
            <span>{t('progress.name')}</span>
            <input
              type="text"
              autocomplete="name"
              maxLength={200}
              value={progress.name ?? ''}
              onInput={(e) => setCertificateName(e.currentTarget.value)}
            />
          </label>
          <article class="certificate" aria-label={t('progress.certificate')}>
            {/* Two drawn borders, not a background: they print with background graphics off. */}
            <div class="certificate-frame">
              <p class="certificate-kicker">{t('progress.certifies')}</p>
              <p class="certificate-to">{t('progress.presentedTo')}</p>
              {/* Without a name the certificate prints a line to write one on, not the words "Your name". */}
              <p class={name ? 'certificate-name' : 'certificate-name empty'}>{name ?? t('progress.namePlaceholder')}</p>
              <p class="certificate-what">{t('progress.completed', { course: t('site.name') })}</p>
              <table class="certificate-results">
                <thead>
                  <tr>
                    <th scope="col">{t('progress.scenario')}</th>
                    <th scope="col">{t('progress.grade')}</th>
                    <th scope="col">{t('progress.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {columns.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.title}</th>
                      <td>{c.counted && t(`grade.${c.counted.grade}`)}</td>
                      <td>{c.counted && t('player.overallValue', { score: c.counted.overall })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <dl class="scores">
                {overall.principles.map((p) => (
                  <div key={p.principle}>
                    <dt>{t(`principle.${p.principle}`)}</dt>
                    <dd>{principleScore(t, p)}</dd>
                  </div>
                ))}
                <div class="overall">
                  {/* Both scenarios' points pooled, not the mean of their two scores: the label says so. */}
                  <dt>{t('progress.overallBoth')}</dt>
                  <dd>{t('player.overallValue', { score: overall.overall })}</dd>
                </div>
              </dl>
              {finished && <p class="certificate-date">{formatLongDay(finished, intlLocale[locale])}</p>}
            </div>
          </article>
          {weak.length > 0 && (
            <div class="replay-advice">
              <p>{t('progress.replayAdvice', { from: goodFrom })}</p>
              <ul>
                {weak.map((c) => (
                  <li key={c.id}>
                    <a href={c.href}>{c.title}</a> — {c.counted && t(`grade.${c.counted.grade}`)},{' '}
                    {c.counted && t('player.overallValue', { score: c.counted.overall })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {printable ? (
            <button type="button" onClick={() => window.print()}>
              {t('progress.print')}
            </button>
          ) : (
            <p class="muted">{t('print.unavailable')}</p>
          )}
        </>
      ) : summary.certificate === 'replay' ? (
        <p>
          {t('progress.certificateReplay', {
            scenarios: summary.replay.map((c) => c.title).join(', '),
          })}
        </p>
      ) : (
        <p>{t('progress.certificateLocked', { done: summary.done, total: summary.total })}</p>
      )}

      {/* Where the data is kept, the page's footer says, just below. */}
      <h2>{t('progress.data')}</h2>
      <div class="data-actions">
        <button type="button" class="secondary" onClick={save}>
          {t('progress.export')}
        </button>
        {/* The label's words name the file input; hidden from the accessibility tree, they are not read a second time as text. */}
        <label class="button secondary file">
          <span aria-hidden="true">{t('progress.import')}</span>
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            aria-label={t('progress.import')}
            onChange={(e) => load(e.currentTarget)}
          />
        </label>
        <button type="button" class="secondary danger" onClick={() => dialog.current?.showModal()}>
          {t('progress.reset')}
        </button>
      </div>
      {/* On the page before it has anything to say: a live region that appears with its words already in it often goes unheard.
          A message said twice in a row empties it for a moment first (createProgressData), so the second is heard too. */}
      <p role="status" class="ok data-status">
        {message && !message.error && t(message.key, message.values)}
      </p>
      {message?.error && (
        <p role="alert" class="error">
          {t(message.key, message.values)}
        </p>
      )}
      <ConfirmDialog
        dialog={dialog}
        id="reset-title"
        question={t('progress.resetConfirm')}
        confirm={t('progress.reset')}
        cancel={t('player.cancel')}
        onConfirm={data.reset}
      />
      <ConfirmDialog
        dialog={importDialog}
        id="import-title"
        question={t('progress.importConfirm')}
        confirm={t('progress.importReplace')}
        cancel={t('player.cancel')}
        onConfirm={data.confirmImport}
      />
    </div>
  );
}
