// The scenario map below the player follows the run once the learner opens it. The page carries
// only the map's heading and a button; the map and the code that paints it (on-click-map.ts) are
// fetched on that click, so a learner who plays without it never downloads either.
import { whenIdle } from '../browser/support.ts';
import type { MapMoment } from './on-click-map.ts';

/**
 * Follows a run for the page's map (#scenario-map, a shell with a `[data-map-open]` button): call
 * the returned function with every moment. Until the button is pressed it only keeps the latest
 * moment; then the map opens showing it, and follows every later one. A no-op where the page has no map.
 */
export function followOnMap(): (moment: MapMoment) => void {
  const shell = document.getElementById('scenario-map');
  let latest: MapMoment | undefined;
  let show: ((moment: MapMoment) => void) | undefined;
  shell?.querySelector('[data-map-open]')?.addEventListener(
    'click',
    () =>
      void import('./on-click-map.ts').then(({ openMap }) => {
        show = openMap(shell, whenIdle);
        if (latest) show(latest);
      }),
    { once: true },
  );
  return (moment) => {
    latest = moment;
    show?.(moment);
  };
}
