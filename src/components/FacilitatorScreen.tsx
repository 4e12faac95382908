// The projector screen: large type, no notes. It follows the console over a BroadcastChannel and
// through the saved session (which also lets it catch up when opened late or reloaded, and
// follow in a browser without BroadcastChannel).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { fitsScenario, viewOf } from '../stores/workshop.ts';
import { $sessions, latestSession, startSessions } from '../stores/workshops.ts';
import { storageState } from '../stores/storage.ts';
import { canBroadcast, canFullscreen } from '../browser/support.ts';
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

export default function FacilitatorScreen({ scenario, maxima, locale, messages, counterparts, courseUrl, qr }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const [session, setSession] = useState<WorkshopSession>();
  // What this browser allows, known once the page runs (the server renders the usual case).
  const [fullscreen, setFullscreen] = useState(true);
  const [linked, setLinked] = useState(true);

  useEffect(() => {
    startSessions();
    setFullscreen(canFullscreen());
    // Only a session this scenario can still play is shown (one saved before an edit may not be).
    const fits = (s: WorkshopSession) => fitsScenario(scenario, s);
    const wanted = new URLSearchParams(location.search).get('session');
    // A link to one session shows that session or nothing (the console explains), never another group's.
    const wantedOne = (s: WorkshopSession) => fits(s) && (!wanted || s.id === wanted);
    // The channel and the saved sessions both bring the console's changes: the newer one wins.
    const show = (next: WorkshopSession) =>
      setSession((shown) => (shown && shown.id === next.id && shown.updatedAt > next.updatedAt ? shown : forScreen(next)));
    const fromSaved = () => {
      const asked = wanted ? $sessions.get()[wanted] : undefined;
      const saved = wanted ? asked && wantedOne(asked) && asked : latestSession(fits);
      if (saved) show(saved);
    };
    fromSaved();
    const unfollow = $sessions.listen(fromSaved);
    const channel = canBroadcast() ? new BroadcastChannel(channelName(scenario.id)) : undefined;
    if (channel) {
      channel.onmessage = (event: MessageEvent) => {
        const message = decodeScreenMessage(event.data);
        if (message?.type === 'state' && message.session && wantedOne(message.session)) show(message.session);
      };
      channel.postMessage({ ns: channelNamespace, v: sessionVersion, type: 'hello' });
    }
    setLinked(channel !== undefined || storageState() === 'ok');
    return () => {
      unfollow();
      channel?.close();
    };
  }, []);

  const toggleFullscreen = () => {
    const change = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    // A frame or a policy may still refuse: say so instead of failing silently.
    change.catch((error: unknown) => {
      console.warn('Fullscreen was refused.', error);
      setFullscreen(false);
    });
  };

  const view = session && viewOf(scenario, maxima, session);
  const node = view?.node;
  const counterpart = session?.counterpart && node ? counterparts[node.id] : undefined;

  return (
    <div class="screen">
      <div class="screen-top">
        <p class="screen-title">{scenario.title}</p>
        {session && <Clock timer={session.timer} t={t} class="screen-timer" />}
        {fullscreen ? (
          <button type="button" class="secondary fullscreen" onClick={toggleFullscreen}>
            {t('workshop.fullscreen')}
          </button>
        ) : (
          <p class="muted screen-note">{t('workshop.noFullscreen')}</p>
        )}
      </div>
      {!view || !node ? (
        <p class="screen-waiting">{t(linked ? 'workshop.waiting' : 'workshop.noScreenLink')}</p>
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
          {paragraphs(view.feedback.choice.feedback)}
          <Changes feedback={view.feedback} scenario={scenario} t={t} />
        </section>
      ) : view.debrief && node.type === 'ending' ? (
        <section class="screen-stage">
          <p class={`grade grade-${node.grade}`}>{t(`grade.${node.grade}`)}</p>
          <h1>{node.title}</h1>
          {paragraphs(node.text)}
          <Scores debrief={view.debrief} t={t} />
        </section>
      ) : node.type === 'decision' ? (
        <section class="screen-stage split">
          <div>
            <Meters scenario={scenario} values={view.meters} t={t} />
            <h1>{node.title}</h1>
            {node.speaker && <p class="speaker">{node.speaker}</p>}
            {paragraphs(node.situation)}
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
