// The workshop timer for the console and the projector screen.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTime, timeLeft, type Timer } from '../workshop/timer.ts';
import { audioContextClass } from '../browser/support.ts';

let audio: AudioContext | undefined;

/** A short beep for the end of the timer, made on the spot (no audio file to load); silent without Web Audio. */
function beep() {
  const Context = audioContextClass();
  if (!Context) return;
  try {
    // One context for the page: browsers limit how many may be open.
    audio ??= new Context();
  } catch (error) {
    console.warn('The end-of-time sound cannot play in this browser.', error);
    return;
  }
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.6);
}

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
  // A timer already over when the clock appears (the console reopened after a break) has rung.
  const rang = useRef(timeLeft(timer, now) === 0);
  const left = timeLeft(timer, now);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, []);
  useEffect(() => {
    if (left !== 0) rang.current = false;
    else if (timer.endsAt !== undefined && !rang.current) {
      rang.current = true;
      if (sound) beep();
    }
  }, [left === 0, timer.endsAt]);
  if (left === undefined) return <p class={className}>–:––</p>;
  return (
    <p class={`${className}${left === 0 ? ' done' : ''}`} role="timer" aria-live={left === 0 ? 'assertive' : 'off'}>
      {left === 0 ? t('workshop.timeUp') : formatTime(left)}
    </p>
  );
}
