import { describe, expect, it } from 'vitest';
import { estimateFit, leastScale, searchFit, shareLimits, type ScreenMeasure } from './screen-fit.ts';

// A 1920×1080 window at 36 px type, the columns side by side at the CSS split (3:2).
const wide: ScreenMeasure = {
  size: 36,
  height: 1080,
  chrome: 120,
  width: 1800,
  gap: 43,
  stacked: false,
  main: { width: 1080, height: 400 },
  side: { width: 720, height: 300 },
};

/** The height each column's content takes at a fit, by the same rule of kept area, with the room it has. */
function heights(m: ScreenMeasure, fit: { size: number; share: number }) {
  const r = fit.size / m.size;
  const free = m.height - m.chrome * r;
  const width = m.stacked ? m.width : m.width + m.gap * (1 - r);
  const need = (c: { width: number; height: number }, part: number) =>
    m.stacked ? (c.width * c.height * r * r) / width : (c.width * c.height * r * r) / (width * part);
  return {
    main: { need: need(m.main, fit.share), room: m.stacked ? free * fit.share : free },
    side: { need: need(m.side, 1 - fit.share), room: m.stacked ? free * (1 - fit.share) : free },
  };
}

describe('the projector screen’s fit, estimated from one measurement', () => {
  it('keeps the CSS size when everything fits, and shares the width by what each column holds', () => {
    const fit = estimateFit(wide);
    expect(fit.size).toBe(36);
    const areas = [1080 * 400, 720 * 300];
    expect(fit.share).toBeCloseTo(areas[0]! / (areas[0]! + areas[1]!), 6);
  });

  it('makes the type just small enough for a long moment, and the columns end level', () => {
    const long = { ...wide, main: { width: 1080, height: 1900 } };
    const fit = estimateFit(long);
    expect(fit.size).toBeLessThan(36);
    expect(fit.size).toBeGreaterThan(36 * leastScale);
    const { main } = heights(long, fit);
    // As large as fits: within the bisection's thousandth of the size, the main column is full.
    expect(main.need).toBeLessThanOrEqual(main.room);
    expect(main.need).toBeGreaterThan(main.room * 0.99);
  });

  it('gives the story at most two thirds of the width and the room at least its share, however unequal they are', () => {
    const storyOnly = estimateFit({ ...wide, side: { width: 720, height: 0 } });
    expect(storyOnly.share).toBe(shareLimits[1]);
    const roomOnly = estimateFit({ ...wide, main: { width: 1080, height: 0 } });
    expect(roomOnly.share).toBe(shareLimits[0]);
  });

  it('shares a portrait window’s height between the stacked columns', () => {
    const tall: ScreenMeasure = {
      ...wide,
      height: 1024,
      width: 700,
      gap: 0,
      stacked: true,
      main: { width: 700, height: 1200 },
      side: { width: 700, height: 600 },
    };
    const fit = estimateFit(tall);
    const { main, side } = heights(tall, fit);
    expect(fit.share).toBeCloseTo(2 / 3, 6);
    expect(main.need).toBeLessThanOrEqual(main.room);
    expect(side.need).toBeLessThanOrEqual(side.room);
    expect(main.need).toBeGreaterThan(main.room * 0.99);
  });

  it('stops at its least size when nothing would fit', () => {
    expect(estimateFit({ ...wide, main: { width: 1080, height: 100_000 } }).size).toBeCloseTo(36 * leastScale, 1);
  });
});

describe('the projector screen’s fit, checked with a few layouts', () => {
  /** A screen whose content fits at `largest` px and below; it records every size laid out. */
  const screen = (largest: number) => {
    const tried: number[] = [];
    const fits = (size: number) => {
      tried.push(size);
      return size <= largest;
    };
    return { tried, fits };
  };

  it('keeps an estimate that fits and grows it towards the largest size that fits, with at most four layouts', () => {
    const { tried, fits } = screen(30);
    const found = searchFit(28, 16, 36, fits);
    expect(found.size).toBeLessThanOrEqual(30);
    expect(found.size).toBeGreaterThan(29.5);
    expect(tried[0]).toBe(28);
    expect(tried.length).toBeLessThanOrEqual(4);
    expect(found.last).toBe(tried[tried.length - 1]);
  });

  it('steps down from an estimate that overflows until a size fits, then closes in from above', () => {
    const { tried, fits } = screen(20);
    const found = searchFit(28, 16, 36, fits);
    expect(found.size).toBeLessThanOrEqual(20);
    expect(found.size).toBeGreaterThan(19.5);
    // Every size laid out but the last below the estimate was 5 % under the one before.
    expect(tried.slice(0, 3)).toEqual([28, 28 * 0.95, 28 * 0.95 * 0.95]);
  });

  it('never goes above the CSS size, nor below the least size, which is what a screen too full for any size gets', () => {
    expect(searchFit(36, 16, 36, screen(100).fits).size).toBe(36);
    const full = screen(5);
    expect(searchFit(28, 16, 36, full.fits).size).toBe(16);
    expect(Math.min(...full.tried)).toBe(16);
  });

  it('says when the size to apply is not the one last laid out, so the screen is laid out at it again', () => {
    // A bisection whose last try overflows leaves the screen at a size too large.
    const found = searchFit(28, 16, 36, screen(28.5).fits);
    expect(found.last).not.toBe(found.size);
    expect(found.last).toBeGreaterThan(28.5);
    expect(found.size).toBe(28);
  });
});
