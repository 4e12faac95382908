// The workshop timer for the console and the projector screen.
import { useEffect, useState } from 'preact/hooks';
import { createBell, formatTime, timeLeft, type Timer } from '../workshop/timer.ts';
import { audioContextClass } from '../browser/support.ts';

/** The beep's code, asked for once a timer runs with the sound on (see workshop/on-click-sound.ts). */
let beepCode: Promise<typeof import('../workshop/on-click-sound.ts')> | undefined;
const loadSound = () => {
  beepCode ??= import('../workshop/on-click-sound.ts');
  return beepCode;
};

/** The workshop timer, ticking on its own so nothing else re-renders each second. */
export function Clock({
  timer,
  t,
  class: className,
  sound = false,
}: {
  timer: Timer;
  t: (k: string) => string;
  class: string;
  sound?: boolean;
}) {
  const [now, setNow] = useState(Date.now());
  // When to ring is the bell's rule (workshop/timer.ts); the clock only plays the sound.
  const [bell] = useState(() => createBell(timeLeft(timer, now)));
  const left = timeLeft(timer, now);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, []);
  // The beep's code comes while the timer runs, so it is there when time is up.
  useEffect(() => {
    if (sound && timer.endsAt !== undefined) void loadSound();
  }, [sound, timer.endsAt]);
  useEffect(() => {
    if (bell.ring(timer, left) && sound)
      loadSound().then(
        ({ beep }) => beep(audioContextClass()),
        (error: unknown) => console.warn('The end-of-time sound could not be loaded.', error),
      );
  }, [left === 0, timer.endsAt]);
  if (left === undefined) return <p class={className}>–:––</p>;
  return (
    <p class={`${className}${left === 0 ? ' done' : ''}`} role="timer" aria-live={left === 0 ? 'assertive' : 'off'}>
      {left === 0 ? t('workshop.timeUp') : formatTime(left)}
    </p>
  );
}
