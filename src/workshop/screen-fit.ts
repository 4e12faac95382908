// The projector screen's fit, as arithmetic: from one measurement of the screen laid out at its
// CSS type size, the type size and the share of the width (or, stacked in a portrait window, of
// the height) between the story and the room's column that let every word show unscrolled. The
// screen then checks the estimate with a layout or two (components/FacilitatorScreen.tsx),
// instead of laying itself out for every candidate size and share.

/** One measurement of the projector screen, in CSS pixels. */
export interface ScreenMeasure {
  /** The type size the screen was measured at. */
  size: number;
  /** The window's height, which the screen fills. */
  height: number;
  /** What the columns leave of it, at `size`: the top bar, padding and gaps. It grows with the type. */
  chrome: number;
  /** The width the two columns share side by side (padding and the gap between them taken off). */
  width: number;
  /** The gap between the columns side by side, at `size`; it grows with the type. */
  gap: number;
  /** Whether the columns are stacked (a portrait window) rather than side by side. */
  stacked: boolean;
  /** The story's column and the room's: the height its content takes at the width it had. */
  main: { width: number; height: number };
  side: { width: number; height: number };
}

/** The type size (CSS pixels) and the share of the space the story's column takes (the room's has the rest). */
export interface ScreenFit {
  size: number;
  share: number;
}

/**
 * The story's share of the space stays between these: a long moment beside six long choices needs
 * about an even share, a consequence beside only the story's strip about two thirds.
 */
export const shareLimits = [0.4, 2 / 3] as const;

/** The type is never made smaller than this part of its CSS size. */
export const leastScale = 0.45;

/**
 * The largest type size, at most `m.size`, at which both columns' content should fit, and the
 * share of the space that balances them. Text wraps, so a column's content keeps its area: at
 * `r` times the size it takes `r²` times the area, spread over the width it is given. What cannot
 * wrap (a heading of one line, the QR code) grows more slowly than that, so the estimate errs on
 * the small side, and the caller checks it with a layout. A screen whose content does not fit even
 * at `leastScale` of the size gets that size.
 */
export function estimateFit(m: ScreenMeasure): ScreenFit {
  const area = (c: { width: number; height: number }) => Math.max(0, c.width * c.height);
  const [main, side] = [area(m.main), area(m.side)];
  const share = Math.min(shareLimits[1], Math.max(shareLimits[0], main + side > 0 ? main / (main + side) : 0.5));
  const fits = (r: number) => {
    const free = m.height - m.chrome * r;
    if (m.stacked) return main * r * r <= share * free * m.width && side * r * r <= (1 - share) * free * m.width;
    // Side by side the columns share the width left by the gap between them, which grows with the type.
    const width = m.width + m.gap * (1 - r);
    return main * r * r <= free * share * width && side * r * r <= free * (1 - share) * width;
  };
  if (fits(1)) return { size: m.size, share };
  let [low, high] = [leastScale, 1];
  // Pure arithmetic: bisecting to a thousandth costs no layout.
  while (high - low > 0.001) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return { size: m.size * low, share };
}

/**
 * The largest type size that fits, found with few layouts: `fits(size)` lays the screen out at
 * `size` (CSS pixels) and says whether nothing overflows. The estimate (`estimateFit`) is checked
 * first; if it does not fit, the size steps down 5 % at a time, never below `least`; then the
 * bracket between the size that fits and the next one tried above it (at most `most`, and at most
 * a quarter above the estimate) is halved up to three times, while it is wider than a quarter
 * pixel: within a per cent or so of the largest size that fits, since what cannot wrap makes the
 * estimate err either way. Returns the size to apply, which is `least` when nothing fits; the
 * last call to `fits` may have been with another size, so the caller applies the result again
 * unless it was the last one tried (`FitSearch.last`).
 */
export function searchFit(estimate: number, least: number, most: number, fits: (size: number) => boolean): FitSearch {
  let last = 0;
  const tryAt = (size: number) => {
    last = size;
    return fits(size);
  };
  let size = estimate;
  let high = Math.min(most, size * 1.25);
  if (!tryAt(size)) {
    high = size;
    while (size > least) {
      size = Math.max(least, size * 0.95);
      if (tryAt(size)) break;
      high = size;
    }
  }
  for (let i = 0; i < 3 && high - size > 0.25; i++) {
    const mid = (size + high) / 2;
    if (tryAt(mid)) size = mid;
    else high = mid;
  }
  return { size, last };
}

/** What `searchFit` found: the size to apply, and the size the screen was last laid out at. */
export interface FitSearch {
  size: number;
  last: number;
}
