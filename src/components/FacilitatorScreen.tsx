// The projector screen: large type, no notes. It follows the console in the same browser over a
// BroadcastChannel and, with a live room, the room on the server (so it may run on another
// device); it catches up at once from the saved session when opened late or reloaded. Every state
// is fitted to the window without scrolling.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useSavedStore } from './use-store.ts';
import { fitsScenario } from '../workshop/view.ts';
import { screenFeed, screenView } from '../stores/screen-feed.ts';
import { screenQr } from '../stores/screen-qr.ts';
import { canFullscreen } from '../browser/support.ts';
import type { WorkshopSession } from '../workshop/session.ts';
import { bareAddress } from '../live/screen-join.ts';
import { translator } from '../i18n/messages.ts';
import type { StoryIslandProps } from '../course/props.ts';
import { reactionOf } from '../course/reactions.ts';
import type { Counterpart } from '../course/props.ts';
import { FeedbackBody, paragraphs } from './PlayerParts.tsx';
import { Outcome } from './Outcome.tsx';
import { RoomPath } from './RoomOutcome.tsx';
import { Moment, StoryMeters } from './Moment.tsx';
import { faceAt } from '../engine/expression.ts';
import { Clock } from './Clock.tsx';
import { estimateFit, leastScale, searchFit, type ScreenMeasure } from '../workshop/screen-fit.ts';
import './Facilitator.css';

interface Props extends StoryIslandProps {
  counterparts: Record<string, Counterpart>;
  /** The course's address the build was made for, e.g. https://course.example.org/en/. */
  courseUrl: string;
  /** Its QR code, made at build time. */
  qr: string;
}

/** Whether an element's content is taller or wider than its box. */
const overflows = (el: Element) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

/**
 * Measures the screen once, its columns at their natural height (the `measuring` class in
 * Facilitator.css) at the CSS type size, for `estimateFit`.
 */
function measure(el: HTMLElement, main: HTMLElement, side: HTMLElement, top: HTMLElement): ScreenMeasure {
  el.classList.add('measuring');
  const style = getComputedStyle(el);
  const px = (value: string) => Number.parseFloat(value) || 0;
  const stacked = side.offsetLeft <= main.offsetLeft;
  const gap = px(style.columnGap);
  const measured: ScreenMeasure = {
    size: px(style.fontSize),
    height: innerHeight,
    chrome: px(style.paddingTop) + px(style.paddingBottom) + top.offsetHeight + px(style.rowGap) * (stacked ? 2 : 1),
    width: el.clientWidth - px(style.paddingLeft) - px(style.paddingRight) - (stacked ? 0 : gap),
    gap: stacked ? 0 : gap,
    stacked,
    main: { width: main.offsetWidth, height: main.offsetHeight },
    side: { width: side.offsetWidth, height: side.offsetHeight },
  };
  el.classList.remove('measuring');
  return measured;
}

/**
 * Sets the screen's type size as large as fits the window without scrolling (up to the CSS size,
 * down to 45 % of it) and shares the width (or a portrait window's height) between the two
 * columns so that both fit: one measurement and arithmetic (workshop/screen-fit.ts), then a check
 * of the estimate with a few layouts, instead of a layout for every size and share tried.
 */
function useFit(deps: unknown[]) {
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const fitType = () => {
      const el = root.current;
      const [top, main, side] = [...(el?.children ?? [])] as HTMLElement[];
      if (!el || !top || !main || !side) return;
      el.style.fontSize = '';
      el.style.removeProperty('--main');
      el.style.removeProperty('--side');
      const measured = measure(el, main, side, top);
      const { size: estimate, share } = estimateFit(measured);
      el.style.setProperty('--main', `${share}fr`);
      el.style.setProperty('--side', `${1 - share}fr`);
      const fits = (size: number) => {
        el.style.fontSize = `${size}px`;
        return !overflows(el) && ![...el.children].some(overflows);
      };
      // How many layouts to try, and which sizes, is workshop/screen-fit.ts's to say.
      const { size, last } = searchFit(estimate, measured.size * leastScale, measured.size, fits);
      if (last !== size) fits(size);
    };
    fitType();
    addEventListener('resize', fitType);
    return () => removeEventListener('resize', fitType);
  }, deps);
  return root;
}

export default function FacilitatorScreen({ scenario, story, locale, messages, counterparts, courseUrl, qr }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  // The feed starts, and the QR code's address is looked up, once the screen listens (after the
  // first render, which shows what the server rendered).
  const [stores] = useState(() => {
    // Only a session this scenario can still play is shown (one saved before an edit may not be).
    const $feed = screenFeed({ scenario: scenario.id, fits: (s: WorkshopSession) => fitsScenario(scenario, s) });
    return { $screen: screenView($feed, scenario, counterparts), $qr: screenQr($feed, { courseUrl, builtQr: qr, locale }) };
  });
  const { feed, view, counterpart, shares } = useSavedStore(stores.$screen, { feed: { linked: true }, shares: {} });
  const qrCode = useSavedStore(stores.$qr, { target: undefined, address: courseUrl, svg: qr, unreachable: false });
  // What this browser allows, known once the page runs (the server renders the usual case).
  const [fullscreen, setFullscreen] = useState(true);
  useEffect(() => setFullscreen(canFullscreen()), []);
  const toggleFullscreen = () => {
    const change = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    // A frame or a policy may still refuse: say so instead of failing silently.
    change.catch((error: unknown) => {
      console.warn('Fullscreen was refused.', error);
      setFullscreen(false);
    });
  };
  const { session } = feed;
  const node = view?.node;
  const root = useFit([session, feed.live, qrCode.svg]);

  // `votes`, the count of votes in at a decision, sits above what the code says, in the room beside
  // the code: six long choices keep the rest of the column.
  const joinInfo = (votes: preact.ComponentChildren) => (
    <div class="screen-join">
      <span class="qr" aria-hidden="true" dangerouslySetInnerHTML={{ __html: qrCode.svg }} />
      <div>
        {votes}
        {feed.live?.code && feed.live.join ? (
          <p>
            {t('workshop.joinAt')}
            <br />
            <strong class="screen-code">
              {t('workshop.joinCode')} <span>{feed.live.code}</span>
            </strong>
            <br />
            {/* The whole join address, code included: a phone that cannot scan the code types it. */}
            <strong>{bareAddress(feed.live.join)}</strong>
          </p>
        ) : (
          <p>
            {t('workshop.playLater')}
            <br />
            <strong>{bareAddress(qrCode.address)}</strong>
            {qrCode.unreachable && (
              <>
                <br />
                <span class="screen-warning">{t('workshop.unreachableQr', { address: bareAddress(qrCode.address) })}</span>
              </>
            )}
          </p>
        )}
      </div>
    </div>
  );
  // Every state has a main column (the story) and a side column (the room's part: votes, changes,
  // scores or path) that ends with the QR code, so nothing sits under anything else.
  let main: preact.ComponentChildren;
  const reaction = reactionOf(story, view?.feedback);
  const face = view && faceAt(story.faces, view.meters);
  let side: preact.ComponentChildren = null;
  let votesIn: preact.ComponentChildren = null;
  if (!view || !node || !session) main = <p class="screen-waiting">{t(feed.linked ? 'workshop.waiting' : 'workshop.noScreenLink')}</p>;
  else if (counterpart)
    main = (
      <>
        <p class="screen-kicker">{t('player.meanwhile')}</p>
        <h1>{counterpart.title}</h1>
        <p class="muted">{counterpart.scenarioTitle}</p>
        {counterpart.moment ? <Moment view={counterpart.moment} text={counterpart.situation} /> : paragraphs(counterpart.situation)}
      </>
    );
  else if (view.feedback) {
    main = (
      <>
        <p class="screen-kicker">{t('player.feedback')}</p>
        <h1>{view.feedback.choice.label}</h1>
        <FeedbackBody
          feedback={view.feedback}
          story={story}
          t={t}
          label={false}
          reaction={reaction && <Moment view={reaction} text={view.feedback.text} expression={face} />}
        />
      </>
    );
    side = (
      <StoryMeters story={story} scenario={scenario} day={view.discussed.day} values={view.meters} pending={view.feedback.pending} t={t} />
    );
  } else if (view.debrief && node.type === 'ending') {
    main = <Outcome audience="room" debrief={view.debrief} title={node.title} level={1} t={t} />;
    side = view.path && <RoomPath path={view.path} t={t} brief />;
  } else if (node.type === 'decision') {
    main = (
      <>
        <StoryMeters story={story} scenario={scenario} day={node.day} values={view.meters} t={t} />
        <h1>{node.title}</h1>
        <Moment view={story.moments[node.id]!} text={view.situation} expression={face} />
      </>
    );
    side = (
      <ol class="screen-choices">
        {node.choices.map((c, i) => {
          const votes = view.tally[c.id] ?? 0;
          return (
            <li key={c.id}>
              <span>
                <b class="num">{i + 1}</b> {c.label}
              </span>
              {session.revealed && (
                <span class="bar">
                  {/* The track is the whole room: a share of the votes reads as a share of it. */}
                  <span class="track">
                    <span class="fill" style={{ width: `${shares[c.id] ?? 0}%` }} />
                  </span>
                  <b aria-hidden="true">{votes}</b>
                  <span class="visually-hidden">{t('workshop.votes', { count: votes })}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    );
    votesIn = (
      <p class="screen-votes" aria-live="polite">
        {t('workshop.votesIn', { count: view.votes })}
      </p>
    );
  }

  return (
    <div class="screen" ref={root} data-ready={feed.ready || undefined}>
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
      <section class="screen-main">{main}</section>
      <aside class="screen-side">
        {side}
        {joinInfo(votesIn)}
      </aside>
    </div>
  );
}
