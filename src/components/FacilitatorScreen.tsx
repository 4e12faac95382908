// The projector screen: large type, no notes. It follows the console over a BroadcastChannel,
// and catches up at once from the saved session when it is opened late or reloaded.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { fitsScenario, viewOf } from '../stores/workshop.ts';
import { $sessions, latestSession, startSessions } from '../stores/workshops.ts';
import {
  channelName,
  channelNamespace,
  decodeScreenMessage,
  forScreen,
  sessionVersion,
  total,
  type WorkshopSession,
} from '../workshop/session.ts';
import { translator } from '../i18n/messages.ts';
import type { ScenarioIslandProps } from '../stores/play-view.ts';
import type { Counterpart } from './ScenarioPlayer.tsx';
import { Changes, Meters, Scores, paragraphs } from './PlayerParts.tsx';
import { Clock } from './Clock.tsx';
import './Facilitator.css';

interface Props extends ScenarioIslandProps {
  counterparts: Record<string, Counterpart>;
  /** The course's address, printed under the QR code. */
  courseUrl: string;
  qr: string;
}

export default function FacilitatorScreen({ scenario, locale, messages, counterparts, courseUrl, qr }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const [session, setSession] = useState<WorkshopSession>();

  useEffect(() => {
    startSessions();
    // Only a session this scenario can still play is shown (one saved before an edit may not be).
    const fits = (s: WorkshopSession) => fitsScenario(scenario, s);
    const wanted = new URLSearchParams(location.search).get('session');
    // A link to one session shows that session or nothing (the console explains), never another group's.
    const asked = wanted ? $sessions.get()[wanted] : undefined;
    const saved = wanted ? asked && fits(asked) && asked : latestSession(fits);
    if (saved) setSession(forScreen(saved));
    const channel = new BroadcastChannel(channelName(scenario.id));
    channel.onmessage = (event: MessageEvent) => {
      const message = decodeScreenMessage(event.data);
      if (message?.type === 'state' && message.session && fits(message.session) && (!wanted || message.session.id === wanted)) {
        setSession(forScreen(message.session));
      }
    };
    channel.postMessage({ ns: channelNamespace, v: sessionVersion, type: 'hello' });
    return () => channel.close();
  }, []);

  const view = session && viewOf(scenario, session);
  const node = view?.node;
  const counterpart = session?.counterpart && node ? counterparts[node.id] : undefined;

  return (
    <div class="screen">
      <div class="screen-top">
        <p class="screen-title">{scenario.title}</p>
        {session && <Clock timer={session.timer} t={t} class="screen-timer" />}
        <button
          type="button"
          class="secondary fullscreen"
          onClick={() => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen())}
        >
          {t('workshop.fullscreen')}
        </button>
      </div>
      {!view || !node ? (
        <p class="screen-waiting">{t('workshop.waiting')}</p>
      ) : counterpart ? (
        <section class="screen-stage">
          <p class="screen-kicker">{t('player.meanwhile')}</p>
          <h1>{counterpart.title}</h1>
          <p class="muted">{counterpart.scenarioTitle}</p>
          {counterpart.speaker && <p class="speaker">{counterpart.speaker}</p>}
          {paragraphs(counterpart.situation)}
        </section>
      ) : view.feedback ? (
        <section class="screen-stage">
          <Meters scenario={scenario} values={view.meters} t={t} />
          <p class="screen-kicker">{t('player.feedback')}</p>
          <h1>{view.feedback.choice.label}</h1>
          {paragraphs(view.feedback.text)}
          <Changes feedback={view.feedback} scenario={scenario} t={t} />
        </section>
      ) : view.debrief && node.type === 'ending' ? (
        <section class="screen-stage">
          <p class={`grade grade-${view.debrief.grade}`}>{t(`grade.${view.debrief.grade}`)}</p>
          <h1>{node.title}</h1>
          {paragraphs(view.debrief.text)}
          <Scores debrief={view.debrief} t={t} />
        </section>
      ) : node.type === 'decision' ? (
        <section class="screen-stage split">
          <div>
            <Meters scenario={scenario} values={view.meters} t={t} />
            <h1>{node.title}</h1>
            {node.speaker && <p class="speaker">{node.speaker}</p>}
            {paragraphs(view.situation)}
          </div>
          <div>
            <ol class="screen-choices">
              {node.choices.map((c, i) => {
                const votes = view.tally[c.id] ?? 0;
                const all = total(view.tally);
                return (
                  <li key={c.id}>
                    <span>
                      <b class="num">{i + 1}</b> {c.label}
                    </span>
                    {session.revealed && (
                      <span class="bar">
                        <span class="fill" style={{ width: `${all ? (100 * votes) / all : 0}%` }} />
                        <b aria-hidden="true">{votes}</b>
                        <span class="visually-hidden">{t('workshop.votes', { count: votes })}</span>
                      </span>
                    )}
                  </li>
                );
              })}
            </ol>
            <p class="screen-votes" aria-live="polite">
              {t('workshop.votesIn', { count: total(view.tally) })}
            </p>
          </div>
        </section>
      ) : null}
      <footer class="screen-foot">
        <span class="qr" aria-hidden="true" dangerouslySetInnerHTML={{ __html: qr }} />
        <p>
          {t('workshop.playLater')}
          <br />
          <strong>{courseUrl}</strong>
        </p>
      </footer>
    </div>
  );
}
