// Which face a portrait shows: its part of the cast's sheet, read the way a browser draws it.
import type { Locator } from '@playwright/test';

/**
 * The face `portrait` (a `.portrait` element) shows, as the sheet names it ("anna-worried"): the
 * sheet its style draws is fetched, and the face is the one at the column and row its background
 * size and position pick (the sheet's faces are in rows of `columns`, the unit tests check). A
 * sheet that does not load reads as `no sheet: <why>`, a face outside the sheet as `no face`.
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
    // A background of n times the box's size shows its parts at positions 0%, 100/(n-1)%, … 100%.
    const [columns, rows] = style.backgroundSize.split(' ').map((s) => Number.parseFloat(s) / 100) as [number, number];
    const cell = (position: string, count: number) => (count > 1 ? Math.round((Number.parseFloat(position) / 100) * (count - 1)) : 0);
    const [x, y] = [cell(style.backgroundPositionX, columns), cell(style.backgroundPositionY, rows)];
    return faces[y * columns + x] ?? 'no face';
  });
}
