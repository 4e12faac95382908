// Marks the learner's path on the scenario map drawn at build time, and hides what the learner
// has not reached yet while a run is in progress.
import type { Step } from '../engine/types.ts';

export function paintMap(steps: readonly Step[], current: string, ended: boolean): void {
  const map = document.getElementById('scenario-map');
  if (!map) return;
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
  // While playing, the drawing shrinks to the part already visited.
  const svg = map.querySelector('svg');
  if (!svg) return;
  const full = svg.dataset['full'] ?? svg.getAttribute('viewBox')!;
  svg.dataset['full'] = full;
  let box = full.split(' ').map(Number) as [number, number, number, number];
  if (!ended) {
    const rects = [...map.querySelectorAll('.map-node.visited rect')].map((r) =>
      ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))),
    );
    const x = Math.min(...rects.map((r) => r[0]!)) - 8;
    const y = Math.min(...rects.map((r) => r[1]!)) - 8;
    box = [x, y, Math.max(...rects.map((r) => r[0]! + r[2]!)) + 8 - x, Math.max(...rects.map((r) => r[1]! + r[3]!)) + 8 - y];
  }
  svg.setAttribute('viewBox', box.join(' '));
  svg.setAttribute('width', String(box[2]));
  svg.setAttribute('height', String(box[3]));
  // Keep the learner's current moment in view.
  const here = map.querySelector(`[data-node="${CSS.escape(current)}"] rect`);
  const scroller = map.querySelector<HTMLElement>('.map-scroll');
  if (here && scroller) {
    const x = Number(here.getAttribute('x')) - box[0] + Number(here.getAttribute('width')) / 2;
    const y = Number(here.getAttribute('y')) - box[1];
    scroller.scrollLeft = x - scroller.clientWidth / 2;
    scroller.scrollTop = y - scroller.clientHeight / 3;
  }
}
