// Marks the learner's path on the scenario map drawn at build time, and hides what the learner
// has not reached yet while a run is in progress. The map is below the player: the page carries
// only its heading, and the map itself (map/, an HTML fragment) is fetched when it comes near
// the screen and put in the page once it is in sight, already painted. It is painted only when
// its moment changes and only while it is on screen (a change made out of sight is painted when
// the map scrolls into view), when the browser is idle after showing the choice's consequence;
// a paint changes the classes of the few elements whose mark changed, and never makes the
// browser lay the page out before its next frame.
import type { Step } from '../engine/types.ts';

/** Where a run stands, as the map shows it. */
export interface MapMoment {
  steps: readonly Step[];
  /** The node the learner is at. */
  current: string;
  ended: boolean;
}

/** What a moment marks on the map: the nodes visited, the edges walked, the choices taken. */
interface Marks {
  nodes: Set<string>;
  edges: Set<string>;
  steps: Set<string>;
}

function marksOf({ steps, current }: MapMoment): Marks {
  const nodes = [...steps.map((s) => s.node), current];
  return {
    nodes: new Set(nodes),
    edges: new Set(nodes.slice(1).map((to, i) => `${nodes[i]}>${to}`)),
    steps: new Set(steps.map((s) => `${s.node}/${s.choice}`)),
  };
}

/** The map's marked elements by their mark (a node's box and its line in the text version share one). */
type MapIndex = Record<keyof Marks, Map<string, Element[]>>;

function indexMap(map: HTMLElement): MapIndex {
  const by = (attribute: string) => {
    const found = new Map<string, Element[]>();
    for (const el of map.querySelectorAll(`[data-${attribute}]`)) {
      const key = el.getAttribute(`data-${attribute}`)!;
      found.set(key, [...(found.get(key) ?? []), el]);
    }
    return found;
  };
  return { nodes: by('node'), edges: by('edge'), steps: by('step') };
}

const unmarked = (): Marks => ({ nodes: new Set(), edges: new Set(), steps: new Set() });

/** A node's box in the drawing's coordinates, read from its attributes (never from layout). */
function boxOf(index: MapIndex, node: string): { x: number; y: number; right: number; bottom: number } | undefined {
  const rect = index.nodes
    .get(node)
    ?.find((el) => el instanceof SVGGElement)
    ?.querySelector('rect');
  if (!rect) return undefined;
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((a) => Number(rect.getAttribute(a))) as [number, number, number, number];
  return { x, y, right: x + width, bottom: y + height };
}

/** Room around the visited part, and the scroller's padding and borders, px. */
const margin = 8;
const frame = 18;

/**
 * Paints a moment over the one painted before: only the elements whose mark changed get a class
 * added or removed (one node and one edge for a choice), so a choice restyles a handful of the
 * map's elements and never lays the drawing out again: its size and viewBox stay as built, and
 * what is not visited yet is hidden without leaving the layout. While playing, the scroller is
 * as tall as the visited part (its height is set only when that changes; the drawing inside keeps
 * its size) and scrolls to show it, the current moment first.
 */
function paint(map: HTMLElement, index: MapIndex, before: Marks, moment: MapMoment, viewport: { width: number; height: number }): Marks {
  const state = moment.ended ? 'done' : 'playing';
  if (map.dataset['state'] !== state) map.dataset['state'] = state;
  const now = marksOf(moment);
  const mark = (kind: keyof Marks, name: string) => {
    for (const key of before[kind]) if (!now[kind].has(key)) for (const el of index[kind].get(key) ?? []) el.classList.remove(name);
    for (const key of now[kind]) if (!before[kind].has(key)) for (const el of index[kind].get(key) ?? []) el.classList.add(name);
  };
  mark('nodes', 'visited');
  mark('edges', 'mine');
  mark('steps', 'mine');
  const scroller = map.querySelector<HTMLElement>('.map-scroll');
  const here = boxOf(index, moment.current);
  const boxes = [...now.nodes].map((node) => boxOf(index, node)).filter((box) => box !== undefined);
  if (!scroller || !here || boxes.length === 0) return now;
  const top = Math.min(...boxes.map((b) => b.y)) - margin;
  const left = Math.min(...boxes.map((b) => b.x)) - margin;
  const right = Math.max(...boxes.map((b) => b.right)) + margin;
  const height = moment.ended ? '' : `${Math.max(...boxes.map((b) => b.bottom)) + margin - top + frame}px`;
  if (scroller.style.height !== height) scroller.style.height = height;
  // Scrolled after the frame that shows the change, with the scroller's size as last observed
  // (nothing is measured): the visited part from its top left, as much as fits with the current
  // moment in view.
  requestAnimationFrame(() =>
    setTimeout(() => {
      scroller.scrollLeft =
        right - left <= viewport.width
          ? left - (viewport.width - (right - left)) / 2
          : Math.max(left, here.right + margin - viewport.width);
      scroller.scrollTop = Math.max(top, here.bottom + margin - viewport.height);
    }),
  );
  return now;
}

/**
 * Follows a run on the page's map (#scenario-map, a shell whose `data-src` names the map
 * fragment, or the map itself): call the returned function with every moment; it paints when
 * the moment differs from the one painted and the map is on screen. If the map cannot be
 * fetched, the shell says so and links the text version. A no-op where the page has no map.
 */
export function followOnMap(): (moment: MapMoment) => void {
  let map = document.getElementById('scenario-map');
  if (!map) return () => {};
  const viewport = { width: 0, height: 0 };
  let onScreen = false;
  let ready = !map.dataset['src'];
  let loading = false;
  let painted = '';
  let marked = unmarked();
  let index: MapIndex | undefined;
  let latest: MapMoment | undefined;
  let scheduled = false;
  const draw = (target: HTMLElement, moment: MapMoment) => {
    painted = JSON.stringify(moment);
    index ??= indexMap(target);
    marked = paint(target, index, marked, moment, viewport);
  };
  // The map waits for an idle moment: the consequence of a choice is on screen first.
  const update = () => {
    if (!onScreen || !ready || !latest || scheduled) return;
    scheduled = true;
    (self.requestIdleCallback ?? setTimeout)(() => {
      scheduled = false;
      if (onScreen && JSON.stringify(latest) !== painted) draw(map!, latest!);
    });
  };
  const sizes = new ResizeObserver(([entry]) => {
    if (!entry) return;
    viewport.width = entry.contentRect.width;
    viewport.height = entry.contentRect.height;
  });
  // The fragment, fetched and parsed, waiting to be put in the page.
  let fetched: DocumentFragment | undefined;
  // The map is put in the page, and laid out, only once it is in sight: it is already painted
  // then, while it is not yet in the page, which costs nothing.
  const place = () => {
    const shell = map;
    const section = fetched?.getElementById('scenario-map');
    if (!onScreen || ready || !fetched || !shell || !section) return;
    if (latest) draw(section, latest);
    sight.unobserve(shell);
    shell.replaceWith(fetched);
    map = section;
    ready = true;
    watch(section);
  };
  const sight = new IntersectionObserver((entries) => {
    onScreen = entries.some((e) => e.isIntersecting);
    place();
    update();
  });
  // Fetched a little ahead of the viewport, so it is there when the map scrolls into sight.
  const near = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting) && !loading && map) load(map);
    },
    { rootMargin: '25% 0px' },
  );
  const watch = (el: HTMLElement) => {
    sight.observe(el);
    const scroller = el.querySelector<HTMLElement>('.map-scroll');
    if (scroller) sizes.observe(scroller);
  };
  const load = (shell: HTMLElement) => {
    loading = true;
    near.disconnect();
    fetch(shell.dataset['src']!)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((html) => {
        const fragment = document.createElement('template');
        fragment.innerHTML = html;
        fetched = fragment.content;
        place();
      })
      .catch((error: unknown) => {
        console.warn('No map', error);
        shell.querySelector('[data-map-failed]')?.removeAttribute('hidden');
      });
  };
  if (ready) watch(map);
  else {
    sight.observe(map);
    near.observe(map);
  }
  return (moment) => {
    latest = moment;
    update();
  };
}
