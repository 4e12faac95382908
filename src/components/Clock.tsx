// The workshop timer for the console and the projector screen.
import { Component } from 'preact';
import { createBell, formatTime, timeLeft, type Timer } from '../workshop/timer.ts';
import { audioContextClass } from '../browser/support.ts';

/** The beep's code, asked for once a timer runs with the sound on (see workshop/on-click-sound.ts). */
let beepCode: Promise<typeof import('../workshop/on-click-sound.ts')> | undefined;
const loadSound = () => {
  beepCode ??= import('../workshop/on-click-sound.ts');
  return beepCode;
};

interface ClockProps {
  timer: Timer;
  t: (k: string) => string;
  class: string;
  /** Ring when time is up (the console, unless muted). */
  sound?: boolean;
  /** Say "time's up" to screen readers (the console; the projector screen is for the room's eyes). */
  announce?: boolean;
}

/**
 * The workshop timer, ticking on its own so nothing else re-renders each second. A class
 * component, as the players are: the console then carries no preact hooks (0.8 KB gzipped).
 */
export class Clock extends Component<ClockProps, { now: number }> {
  override state = { now: Date.now() };
  // When to ring is the bell's rule (workshop/timer.ts); the clock only plays the sound.
  bell = createBell(timeLeft(this.props.timer, this.state.now));
  tick?: ReturnType<typeof setInterval>;

  override componentDidMount() {
    this.tick = setInterval(() => this.setState({ now: Date.now() }), 250);
    this.follow();
  }

  override componentWillUnmount() {
    clearInterval(this.tick);
  }

  override componentDidUpdate(previous: ClockProps) {
    this.follow(previous);
  }

  /** Fetches the beep's code when a timer starts, and rings when it runs out; `previous` props, none at mount. */
  follow(previous?: ClockProps) {
    const { timer, sound } = this.props;
    // The beep's code comes while the timer runs, so it is there when time is up.
    if (sound && timer.endsAt !== undefined && (previous?.timer.endsAt !== timer.endsAt || !previous.sound)) void loadSound();
    // The bell is asked at every tick; it rings once per run-out (workshop/timer.ts, createBell).
    if (this.bell.ring(timer, timeLeft(timer, this.state.now)) && sound)
      loadSound().then(
        ({ beep }) => beep(audioContextClass()),
        (error: unknown) => console.warn('The end-of-time sound could not be loaded.', error),
      );
  }

  render({ timer, t, class: className, announce }: ClockProps, { now }: { now: number }) {
    const left = timeLeft(timer, now);
    if (left === undefined) return <p class={className}>–:––</p>;
    // The ticks are not announced (a timer's role); "time's up" is, once, politely: its region is
    // there, empty, from the moment a timer is set, and is filled in when the time runs out.
    return (
      <p class={`${className}${left === 0 ? ' done' : ''}`} role="timer">
        {left > 0 && formatTime(left)}
        <span aria-live={announce ? 'polite' : 'off'}>{left === 0 && t('workshop.timeUp')}</span>
      </p>
    );
  }
}
