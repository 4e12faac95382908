// The end-of-time beep, loaded once a facilitator starts a timer with the sound on (a click), not
// with the console: the console's page stays within its weight. It imports nothing, so no chunk is
// shared between it and the page's script for its sake.

let audio: AudioContext | undefined;

/**
 * A short beep for the end of the timer, made on the spot (no audio file to load) with `Context`,
 * the browser's Web Audio context class (`audioContextClass()`); silent without one.
 */
export function beep(Context: (new () => AudioContext) | undefined): void {
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
