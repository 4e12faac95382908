// Forced layouts in a Chromium trace: what `npm run bench:peers -- --trace` reports and an
// end-to-end test holds at none for a choice (issue #13: a choice never forces a synchronous layout).

/** An event of a Chromium trace (the DevTools protocol's Tracing domain), times in µs; `forcedLayouts` reads the complete ones ("ph": "X"). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

/**
 * The events inside which a page's script runs: a layout inside one is, nearly always, one the
 * script forced. An event's dispatch counts whole: the microtasks its listeners queue (a preact
 * render) run inside it, with no event of their own when a key press made the click. A dispatch
 * also covers the browser's own default actions and a test driver's listeners, which lay nothing
 * out while the page has not changed since its last frame.
 */
const runsScript = /^(EventDispatch|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EvaluateScript|V8\.Execute)$/;

/**
 * The layouts a script forced in `events` (a trace recorded with the `devtools.timeline`
 * category): each `Layout` that starts at or after `from` and before `to` (µs, the trace's clock)
 * and runs inside a script's event on the same thread. The browser lays a page out once a frame,
 * after the scripts; a layout inside one is a script that asked for geometry or focus while the
 * page had changed (a forced synchronous layout, as DevTools calls it). Events of every process
 * and thread may be passed.
 */
export function forcedLayouts(events: readonly TraceEvent[], from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY): TraceEvent[] {
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const scripts = complete.filter((e) => runsScript.test(e.name));
  return complete.filter(
    (layout) =>
      layout.name === 'Layout' &&
      layout.ts >= from &&
      layout.ts < to &&
      scripts.some((s) => s.pid === layout.pid && s.tid === layout.tid && s.ts <= layout.ts && s.ts + s.dur! >= layout.ts + layout.dur!),
  );
}
