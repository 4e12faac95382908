// Marks the learner's path on the scenario map drawn at build time, and hides what the learner
// has not reached yet while a run is in progress. Loaded when the learner opens the map
// (scripts/paint-map.ts), so this module's name gives its chunk the on-click- name that
// `npm run measure` counts apart: the map (map/, an HTML fragment) and this code cost a learner
// nothing until asked for. On a phone the map sits right under the choices; fetched as soon as it
// neared the screen, it cost every learner its download and hundreds of elements restyled with
// every choice. Once open it is painted only when its moment changes and only while it is on
// screen (a change made out of sight is painted when the map scrolls into view), when the browser
// is idle after showing the choice's consequence; a paint changes the classes of the few
// elements whose mark changed, and never makes the browser lay the page out before its next frame.
import type { Step } from '../engine/types.ts';
import type { whenIdle } from '../browser/support.ts';

/** Where a run stands, as the map shows it. */
export interface MapMoment {
  steps: readonly Step[];
  /** The node the learner is at. */
  current: string;
  ended: boolean;
}

/** What a moment marks on the map, by attribute: the nodes visited, the edges walked, the choices taken. */
type Marks = Record<'node' | 'edge' | 'step', Set<string>>;

function marksOf({ steps, current }: MapMoment): Marks {
  const nodes = [...steps.map((s) => s.node), current];
  return {
    node: new Set(nodes),
    edge: new Set(nodes.slice(1).map((to, i) => `${nodes[i]}>${to}`)),
    step: new Set(steps.map((s) => `${s.node}/${s.choice}`)),
  };
}

/** The class each mark gives its elements (a node's box and its line in the text version share one). */
const classes = { node: 'visited', edge: 'mine', step: 'mine' } as const;

/** Room around the visited part, and the scroller's padding and borders, px. */
const margin = 8;
const frame = 18;

/**
 * Paints a moment over the one painted before: only the elements whose mark changed get a class
 * added or removed (one node and one edge for a choice), so a choice restyles a handful of the
 * map's elements and never lays the drawing out again: its size and viewBox stay as built, and
 * what is not visited yet is hidden without leaving the layout. While playing, the scroller is
 * as tall as the visited part (set only when that changes; the drawing inside keeps its size)
 * and scrolls to show it, as much as fits with the current moment in view. After an ending the
 * whole map shows, opened at the start of the learner's path, with as much of the path beside it
 * as fits the width: where the learner can follow it down to their ending.
 */
function paint(map: HTMLElement, before: Marks, moment: MapMoment, viewport: { width: number; height: number }): Marks {
  const state = moment.ended ? 'done' : 'playing';
  if (map.dataset['state'] !== state) map.dataset['state'] = state;
  const now = marksOf(moment);
  // Ids are slugs (the scenario schema), so marks need no escaping in a quoted attribute selector.
  for (const kind of ['node', 'edge', 'step'] as const)
    for (const key of new Set([...before[kind], ...now[kind]]))
      if (before[kind].has(key) !== now[kind].has(key))
        for (const el of map.querySelectorAll(`[data-${kind}="${key}"]`)) el.classList.toggle(classes[kind], now[kind].has(key));
  // Boxes are read from their attributes, never from layout: nothing is measured.
  const boxes = [...now.node].flatMap((node) => {
    const rect = map.querySelector(`g[data-node="${node}"] rect`);
    return rect ? [['x', 'y', 'width', 'height'].map((a) => Number(rect.getAttribute(a)))] : [];
  });
  // The current moment is the last one visited (a scenario has no cycles).
  const here = boxes.at(-1);
  const scroller = map.querySelector<HTMLElement>('.map-scroll');
  if (!here || !scroller) return now;
  const [x = 0, y = 0, width = 0, height = 0] = here;
  const top = Math.min(...boxes.map((b) => b[1]!)) - margin;
  const size = moment.ended ? '' : `${Math.max(...boxes.map((b) => b[1]! + b[3]!)) + margin - top + frame}px`;
  if (scroller.style.height !== size) scroller.style.height = size;
  const left = Math.min(...boxes.map((b) => b[0]!));
  const right = Math.max(...boxes.map((b) => b[0]! + b[2]!));
  const [startX = 0, , startWidth = 0] = boxes[0]!;
  // Scrolled after the frame that shows the change, with the scroller's size as last observed.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (moment.ended) {
        const fits = right - left + 2 * margin <= viewport.width;
        scroller.scrollLeft = (fits ? (left + right) / 2 : startX + startWidth / 2) - viewport.width / 2;
        scroller.scrollTop = top;
      } else {
        scroller.scrollLeft = x + width / 2 - viewport.width / 2;
        scroller.scrollTop = Math.max(top, y + height + margin - viewport.height);
      }
    }),
  );
  return now;
}

/**
 * Opens the page's map: fetches the fragment that `shell` (#scenario-map) names in `data-src`,
 * puts it in the shell's place and moves focus to its heading. Call the returned function with
 * every moment (the latest at once); it paints when the moment differs from the one painted and
 * the map is on screen, when `idle` says so (the player's `whenIdle`, given so that this chunk
 * shares no code with the player's file). If the map cannot be fetched, the shell says so and
 * links the text version.
 */
export function openMap(shell: HTMLElement, idle: typeof whenIdle): (moment: MapMoment) => void {
  let map = shell;
  const viewport = { width: 0, height: 0 };
  let onScreen = false;
  let ready = false;
  let painted = '';
  let marked: Marks = { node: new Set(), edge: new Set(), step: new Set() };
  let latest: MapMoment | undefined;
  let scheduled = false;
  const draw = (target: HTMLElement) => {
    painted = JSON.stringify(latest);
    marked = paint(target, marked, latest!, viewport);
  };
  // The map waits for an idle moment: the consequence of a choice is on screen first.
  const update = () => {
    if (!onScreen || !ready || !latest || scheduled) return;
    scheduled = true;
    idle(() => {
      scheduled = false;
      if (onScreen && JSON.stringify(latest) !== painted) draw(map);
    });
  };
  const sizes = new ResizeObserver(([entry]) => {
    if (!entry) return;
    viewport.width = entry.contentRect.width;
    viewport.height = entry.contentRect.height;
  });
  // A little ahead of the viewport, so the map is there and painted before it scrolls into sight.
  const sight = new IntersectionObserver(
    (entries) => {
      onScreen = entries.some((e) => e.isIntersecting);
      update();
    },
    { rootMargin: '25% 0px' },
  );
  const watch = (el: HTMLElement) => {
    sight.observe(el);
    const scroller = el.querySelector<HTMLElement>('.map-scroll');
    if (scroller) sizes.observe(scroller);
  };
  fetch(shell.dataset['src']!)
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
    .then((html) => {
      const fragment = document.createElement('template');
      fragment.innerHTML = html;
      const section = fragment.content.getElementById('scenario-map')!;
      // Painted before it is in the page, where a change costs nothing: it shows up as it should.
      if (latest) draw(section);
      sight.unobserve(shell);
      shell.replaceWith(fragment.content);
      map = section;
      ready = true;
      watch(section);
      // On a phone the diagram waits behind a checkbox, hidden, where scrolling it did nothing:
      // shown, it scrolls to the moment as it would have, instead of opening on empty space.
      section.querySelector('#map-show-diagram')?.addEventListener('change', (event) => {
        if ((event.target as HTMLInputElement).checked && latest) draw(section);
      });
      section.querySelector<HTMLElement>('#map-heading')?.focus();
    })
    .catch((error: unknown) => {
      console.warn('No map', error);
      shell.querySelector('[data-map-failed]')?.removeAttribute('hidden');
    });
  watch(map);
  return (moment) => {
    latest = moment;
    update();
  };
}
