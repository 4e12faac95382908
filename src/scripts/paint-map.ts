// Marks the learner's path on the scenario map drawn at build time, and hides what the learner
// has not reached yet while a run is in progress. The map is below the player: the page carries
// only its heading, and the map itself (map/, an HTML fragment) is fetched when it comes near
// the screen; it is painted only when its moment changes and only while it is on screen (a
// change made out of sight is painted when the map scrolls into view), when the browser is idle
// after showing the choice's consequence, and painting never makes the browser lay the page out
// before its next frame.
import type { Step } from '../engine/types.ts';

/** Where a run stands, as the map shows it. */
export interface MapMoment {
  steps: readonly Step[];
  /** The node the learner is at. */
  current: string;
  ended: boolean;
}

function paint(map: HTMLElement, { steps, current, ended }: MapMoment, viewport: { width: number; height: number }): void {
  map.dataset['state'] = ended ? 'done' : 'playing';
  const nodes = [...steps.map((s) => s.node), current];
  const visited = new Set(nodes);
  const edges = new Set(nodes.slice(1).map((to, i) => `${nodes[i]}>${to}`));
  const taken = new Set(steps.map((s) => `${s.node}/${s.choice}`));
  for (const el of map.querySelectorAll<HTMLElement | SVGElement>('[data-node]'))
    el.classList.toggle('visited', visited.has(el.dataset['node']!));
  for (const el of map.querySelectorAll<HTMLElement | SVGElement>('[data-edge]'))
    el.classList.toggle('mine', edges.has(el.dataset['edge']!));
  for (const el of map.querySelectorAll<HTMLElement>('[data-step]')) el.classList.toggle('mine', taken.has(el.dataset['step']!));
  // While playing, the drawing shrinks to the part already visited. Boxes are read from their
  // attributes, never from layout.
  const svg = map.querySelector('svg');
  if (!svg) return;
  const full = svg.dataset['full'] ?? svg.getAttribute('viewBox')!;
  svg.dataset['full'] = full;
  const boxOf = (id: string) => {
    const r = map.querySelector(`[data-node="${CSS.escape(id)}"] rect`);
    return r ? ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))) : undefined;
  };
  let box = full.split(' ').map(Number);
  if (!ended) {
    const rects = nodes.map(boxOf).filter((r) => r !== undefined);
    const x = Math.min(...rects.map((r) => r[0]!)) - 8;
    const y = Math.min(...rects.map((r) => r[1]!)) - 8;
    box = [x, y, Math.max(...rects.map((r) => r[0]! + r[2]!)) + 8 - x, Math.max(...rects.map((r) => r[1]! + r[3]!)) + 8 - y];
  }
  svg.setAttribute('viewBox', box.join(' '));
  svg.setAttribute('width', String(box[2]));
  svg.setAttribute('height', String(box[3]));
  // Keep the learner's current moment in view: scrolled after the frame that lays the new
  // drawing out, with the scroller's size as last observed, so nothing is measured now.
  const here = boxOf(current);
  const scroller = map.querySelector<HTMLElement>('.map-scroll');
  if (!here || !scroller) return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      scroller.scrollLeft = here[0]! - box[0]! + here[2]! / 2 - viewport.width / 2;
      scroller.scrollTop = here[1]! - box[1]! - viewport.height / 3;
    }),
  );
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
  let latest: MapMoment | undefined;
  let scheduled = false;
  // The map waits for an idle moment: the consequence of a choice is on screen first.
  const update = () => {
    if (!onScreen || !ready || !latest || scheduled) return;
    scheduled = true;
    (self.requestIdleCallback ?? setTimeout)(() => {
      scheduled = false;
      const key = JSON.stringify(latest);
      if (!onScreen || key === painted) return;
      painted = key;
      paint(map!, latest!, viewport);
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
      if (onScreen && !ready && !loading && map) load(map);
      update();
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
    fetch(shell.dataset['src']!)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((html) => {
        const fragment = document.createElement('template');
        fragment.innerHTML = html;
        sight.unobserve(shell);
        shell.replaceWith(fragment.content);
        map = document.getElementById('scenario-map');
        ready = true;
        if (map) watch(map);
      })
      .catch((error: unknown) => {
        console.warn('No map', error);
        shell.querySelector('[data-map-failed]')?.removeAttribute('hidden');
      });
  };
  watch(map);
  return (moment) => {
    latest = moment;
    update();
  };
}
