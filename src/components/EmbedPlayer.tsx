// The player inside an embed frame: options from the query string, runs kept in this browser
// or in memory, and every step reported to the host page.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import ScenarioPlayer from './ScenarioPlayer.tsx';
import { useStore } from './use-store.ts';
import { createPlayer } from '../stores/player.ts';
import { storageState, useMemoryOnly } from '../stores/storage.ts';
import { embedRun } from '../stores/embed-run.ts';
import { connectToHost, reportHeight, type HostLink } from '../embed/frame-bridge.ts';
import { embedOptions, type EmbedOptions } from '../embed/protocol.ts';
import { translator } from '../i18n/messages.ts';
import type { PlayerIslandProps } from '../course/props.ts';
import { makeEarlyChoice, takeEarlyChoice } from '../scripts/early-choice.ts';

type Props = PlayerIslandProps;

const defaults: EmbedOptions = { theme: 'auto', hideScore: false, remember: true, undo: false };

export default function EmbedPlayer({ scenario, fingerprint, story, locale, messages }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const [options, setOptions] = useState(defaults);
  // Callbacks read the options through a ref: they are known only once the page runs.
  const current = useRef(defaults);
  const host = useRef<HostLink>({ send() {} });
  const [notice, setNotice] = useState<string>();
  const runs = useMemo(
    () =>
      embedRun(
        scenario.id,
        () => current.current.remember,
        () => setNotice(t('player.moved')),
      ),
    [scenario],
  );
  const player = useMemo(
    () =>
      createPlayer(scenario, fingerprint, {
        onChoice: (step, points) => host.current.send('choice', { ...step, points }),
        onRun: (run, change, from) => {
          if (runs.onRun(run, change, from) === false) return false;
          if (change === 'undo') host.current.send('undo', { step: run.steps.length });
          else if (change === 'restart') host.current.send('restart', {});
          return true;
        },
        onComplete: (debrief) =>
          host.current.send('complete', {
            ending: debrief.ending.id,
            tone: debrief.ending.tone,
            grade: debrief.grade,
            overall: debrief.overall,
            principles: debrief.principles.map(({ principle, earned, counted, max }) => ({ principle, earned, counted, max })),
          }),
      }),
    [scenario],
  );

  // Listens before the layout effect below makes a choice clicked while the page loaded.
  const view = useStore(player.$view);

  // Before the first paint of the live player: a choice clicked while it loaded is made at once.
  useLayoutEffect(() => {
    const chosen = embedOptions(location.search);
    if (chosen.theme !== 'auto') document.documentElement.dataset['theme'] = chosen.theme;
    if (!chosen.remember) useMemoryOnly();
    current.current = chosen;
    setOptions(chosen);
    host.current = connectToHost();
    // "remember" reports what the frame can do: a sandboxed frame has no storage to remember with.
    host.current.send('settings', { undo: chosen.undo, remember: chosen.remember && storageState() === 'ok', hideScore: chosen.hideScore });
    reportHeight(host.current);
    const stop = runs.open(player);
    makeEarlyChoice(player, takeEarlyChoice());
    return stop;
  }, [player]);

  return (
    <ScenarioPlayer
      scenario={scenario}
      player={player}
      view={view}
      t={t}
      story={story}
      allowUndo={options.undo}
      hideScore={options.hideScore}
      {...(notice && { notice })}
    />
  );
}
