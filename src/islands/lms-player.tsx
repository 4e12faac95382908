// The player as it runs inside an LMS package: the same player, no undo, reporting to SCORM 1.2
// or cmi5. Bundled on its own, with relative paths, by `npm run package`.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import ScenarioPlayer from '../components/ScenarioPlayer.tsx';
import { intlLocale } from '../engine/locales.ts';
import { createPlayer } from '../stores/player.ts';
import { translator } from '../i18n/messages.ts';
import type { ScenarioIslandProps } from '../course/props.ts';
import { connectScorm, findScormApi } from '../lms/scorm12.ts';
import { Cmi5Refused, cmi5Launch, connectCmi5 } from '../lms/cmi5.ts';
import type { Run } from '../engine/index.ts';
import '../styles/global.css';

export interface LmsProps extends ScenarioIslandProps {
  mode: 'scorm12' | 'cmi5';
  /** Where the course lives; the base of the xAPI extension IRIs. */
  site: string;
}

function LmsPlayer({ scenario, locale, messages, mode, site }: LmsProps) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const [notice, setNotice] = useState<string>();
  const player = useMemo(() => {
    type Reporter = {
      choice(node: string, choice: string, points: Record<string, number>): void;
      complete(result: Parameters<ReturnType<typeof connectScorm>['complete']>[0]): void;
    };
    let reporter: Reporter | undefined;
    // The first ending reached is the result the LMS keeps: SCORM and xAPI records cannot be
    // taken back. Playing again afterwards is practice, reported to no one, and the learner is told.
    let recorded = false;
    // A refusal stays on screen: the practice notice must not hide it.
    let refused = false;
    let keepRun: ((run: Run) => void) | undefined;
    const p = createPlayer(scenario, {
      onRun: (run) => keepRun?.(run),
      onChoice: (step, points) => {
        if (!recorded) reporter?.choice(step.node, step.choice, points);
        else if (reporter && !refused) setNotice(t('lms.practice'));
      },
      onComplete: (result) => {
        if (recorded) return;
        recorded = true;
        reporter?.complete(result);
      },
    });
    if (mode === 'scorm12') {
      const api = findScormApi(window);
      if (!api) setTimeout(() => setNotice(t('lms.noScorm')));
      else {
        const scorm = connectScorm(api, () => {
          refused = true;
          setTimeout(() => setNotice(t('lms.notSaved')));
        });
        recorded = scorm.practiceOnly;
        const restored = p.resume(scorm.suspended());
        if (restored?.status === 'resumed' && restored.run.steps.length > 0) setTimeout(() => setNotice(t('player.resumed')));
        reporter = {
          choice: (node, choice) => {
            scorm.interaction(node, choice);
            scorm.suspend(p.serialise(p.$run.get()));
          },
          complete: (result) => {
            scorm.suspend(p.serialise(p.$run.get()));
            scorm.complete(result);
          },
        };
        addEventListener('pagehide', () => scorm.finish());
      }
    } else {
      const launch = cmi5Launch(location.search);
      if (!launch) setTimeout(() => setNotice(t('lms.noCmi5')));
      else {
        const pending: (() => void)[] = [];
        reporter = {
          choice: (...args) => pending.push(() => reporter!.choice(...args)),
          complete: (r) => pending.push(() => reporter!.complete(r)),
        };
        connectCmi5(launch, site).then(
          (cmi5) => {
            recorded = cmi5.practiceOnly;
            // A reload continues the session: the learner is back where they were, nothing is sent twice.
            if (cmi5.savedRun !== undefined && p.$run.get().steps.length === 0) {
              const restored = p.resume(cmi5.savedRun);
              pending.length = 0;
              if (restored?.status === 'resumed' && restored.run.steps.length > 0) setNotice(t('player.resumed'));
            }
            keepRun = (run) => cmi5.keepRun(p.serialise(run));
            keepRun(p.$run.get());
            reporter = {
              choice: (node, choice, points) => void cmi5.answered(node, choice, points),
              complete: (result) => void cmi5.complete(result),
            };
            // Choices made while connecting are sent now, unless this session is practice.
            for (const send of pending.splice(0)) if (!recorded) send();
          },
          (error: unknown) => {
            console.warn('cmi5 launch failed', error);
            // Nothing is sent: a refused launch needs a new one from the LMS, which the learner is told.
            reporter = undefined;
            pending.length = 0;
            setNotice(t(error instanceof Cmi5Refused ? 'lms.relaunch' : 'lms.unreachable'));
          },
        );
      }
    }
    return p;
  }, [scenario]);
  useEffect(() => document.querySelector<HTMLElement>('#player h3')?.focus(), []);

  return (
    <main class="lms">
      <h1>{scenario.title}</h1>
      <ScenarioPlayer scenario={scenario} player={player} t={t} lang={intlLocale[locale]} allowUndo={false} {...(notice && { notice })} />
    </main>
  );
}

const props = JSON.parse(document.getElementById('lms-props')!.textContent!) as LmsProps;
render(<LmsPlayer {...props} />, document.getElementById('player')!);
