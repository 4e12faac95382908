// The player as it runs inside an LMS package: the same player, no undo, reporting to SCORM 1.2
// or cmi5. Bundled on its own, with relative paths, by `npm run package`.
import { render } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import ScenarioPlayer from '../components/ScenarioPlayer.tsx';
import { PlayerOutcome } from '../components/PlayerOutcome.tsx';
import { useStore } from '../components/use-store.ts';
import { translator } from '../i18n/messages.ts';
import type { PlayerIslandProps } from '../course/props.ts';
import { createLmsPlayer } from '../stores/lms-player.ts';
import '../styles/global.css';

export interface LmsProps extends PlayerIslandProps {
  mode: 'scorm12' | 'cmi5';
  /** Where the course lives; the base of the xAPI extension IRIs. */
  site: string;
}

function LmsPlayer({ scenario, fingerprint, story, locale, messages, mode, site }: LmsProps) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  // The session opens with the first listener of its state and ends with the page (stores/lms-player.ts).
  const lms = useMemo(() => createLmsPlayer(scenario, fingerprint, mode, { site, search: location.search, window }), [scenario]);
  const { view, notice } = useStore(lms.$state);
  // Focus starts in the player for keyboards and screen readers, without a ring: nobody on this page reached for it.
  useEffect(() => document.querySelector<HTMLElement>('#player h3')?.focus({ focusVisible: false }), []);

  return (
    <main class="lms">
      <h1>{scenario.title}</h1>
      <ScenarioPlayer
        scenario={scenario}
        player={lms.player}
        view={view}
        t={t}
        story={story}
        outcome={(slot) => <PlayerOutcome {...slot} player={lms.player} t={t} />}
        allowUndo={false}
        {...(notice && { notice: t(notice) })}
      />
    </main>
  );
}

const props = JSON.parse(document.getElementById('lms-props')!.textContent!) as LmsProps;
render(<LmsPlayer {...props} />, document.getElementById('player')!);
