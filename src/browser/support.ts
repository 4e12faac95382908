// The optional browser APIs the course uses, each tested before use. Older Safari lacks
// BroadcastChannel, locked-down and embedded browsers remove others, and crypto.randomUUID exists
// only on secure (https or localhost) pages. A page whose browser lacks one still works and says
// what is off; these functions are what the workshop's pages and the LMS player ask. Storage has
// its own wrapper (stores/storage.ts); the clipboard and printing, each used by one small page
// script, are tested where they are used (scripts/copy-buttons.ts, scripts/print-button.ts).

/** Whether windows of this browser can talk over a BroadcastChannel (the console to its projector screen). */
export const canBroadcast = () => typeof BroadcastChannel === 'function';

/** Whether the page may put itself in fullscreen (not in a frame or a browser that forbids it). */
export const canFullscreen = () => typeof document.documentElement.requestFullscreen === 'function' && document.fullscreenEnabled !== false;

/** The Web Audio context constructor (Safari's prefixed one too), or undefined without Web Audio. */
export const audioContextClass = (): (new () => AudioContext) | undefined =>
  (globalThis as { webkitAudioContext?: new () => AudioContext }).webkitAudioContext ?? globalThis.AudioContext;

/**
 * A random version 4 UUID (RFC 9562 §5.4): crypto.randomUUID where the page has it, else the
 * same from crypto.getRandomValues, which plain-http pages have too. A workshop session's id
 * only needs to be unique, not secret.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/** Whether the page can follow a live room: EventSource and fetch (older browsers and some locked-down ones lack them). */
export const canFollow = () => typeof EventSource === 'function' && typeof fetch === 'function';

/**
 * Runs `task` when the browser is idle, and within `timeout` ms on a phone that never is; soon
 * where the browser cannot say (Safari has no requestIdleCallback).
 */
export function whenIdle(task: () => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout });
  else setTimeout(task);
}
