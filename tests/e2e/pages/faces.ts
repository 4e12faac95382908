// Which face a portrait shows: its part of the cast's sheet, read the way a browser draws it.
import type { Locator } from '@playwright/test';

/**
 * The face `portrait` (a `.portrait` element) shows, as the sheet names it ("anna-worried"): the
 * sheet its style draws is fetched, and the face is the one in the cell its background size and
 * position pick (the sheet's faces are in rows of `columns`, the unit tests check). Anything
 * else reads as what is wrong: `no sheet: <why>`; `grid …` where the style's grid of columns and
 * rows does not cut the sheet into squares (a page and a sheet of different layouts); `between
 * faces …` where the position falls between two cells; `no face` outside the sheet.
 */
export function shownFace(portrait: Locator): Promise<string> {
  return portrait.evaluate(async (el) => {
    const style = getComputedStyle(el);
    const url = /^url\("(.+)"\)$/.exec(style.backgroundImage)?.[1];
    if (!url) return `no sheet: background ${style.backgroundImage}`;
    const response = await fetch(url);
    if (!response.ok) return `no sheet: ${url} answered ${response.status}`;
    const sheet = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
    const faces = [...sheet.children].filter((c) => c.localName === 'g' && c.id).map((g) => g.id);
    const [width, height] = (sheet.getAttribute('viewBox') ?? '').split(' ').slice(2).map(Number) as [number, number];
    // A background of n times the box's size shows its parts at positions 0%, 100/(n-1)%, … 100%.
    const [columns, rows] = style.backgroundSize.split(' ').map((s) => Number.parseFloat(s) / 100) as [number, number];
    if (width / columns !== height / rows) return `grid ${columns}×${rows} of a sheet ${width}×${height}`;
    const cell = (position: string, count: number) => {
      const at = count > 1 ? (Number.parseFloat(position) / 100) * (count - 1) : 0;
      return Math.abs(at - Math.round(at)) < 0.01 ? Math.round(at) : undefined;
    };
    const [x, y] = [cell(style.backgroundPositionX, columns), cell(style.backgroundPositionY, rows)];
    if (x === undefined || y === undefined) return `between faces at ${style.backgroundPosition}`;
    return faces[y * columns + x] ?? 'no face';
  });
}
