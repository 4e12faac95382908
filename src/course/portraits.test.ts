import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expressions } from '../engine/expression.ts';
import { scenarios } from '../../tests/e2e/course-data.ts';
import { readFileSync } from 'node:fs';
import { artwork, castSvg, cell, looks, portraitCredits, portraitView } from './portraits.ts';

/** Issue #14's weight for a person's portrait, every expression included: 3 KB gzipped. */
const budget = 3 * 1024;
const people = [...new Set(scenarios.flatMap((s) => s.people.map((p) => p.id)))];

/** The faces a sheet draws, in its order: groups named "person-expression". */
const faces = (svg: string) => [...svg.matchAll(/<g id="([a-z]+-[a-z]+)"/g)].map((m) => m[1]);

describe('the portraits drawn at build time', () => {
  it('draws every person of both scenarios', () => {
    expect(people.filter((id) => !(id in looks))).toEqual([]);
  });

  it('draws every person in a row, one face per expression in order, within 3 KB gzipped a person, the same bytes every build', () => {
    const people = Object.keys(looks);
    const svg = castSvg();
    expect(faces(svg)).toEqual(people.flatMap((p) => expressions.map((e) => `${p}-${e}`)));
    // A column per expression, a row per person, each face of 768 units amid a square cell with a
    // margin around it: the grid the page's style draws (Portrait.tsx).
    expect(svg).toMatch(new RegExp(`^<svg[^>]* viewBox="0 0 ${expressions.length * cell} ${people.length * cell}"`));
    const margin = (cell - 768) / 2;
    expect(margin).toBeGreaterThan(0);
    for (const [i, face] of faces(svg).entries()) {
      const [column, row] = [i % expressions.length, Math.floor(i / expressions.length)];
      const transform = svg.match(new RegExp(`<g id="${face}"[^>]*? transform="([^"]*)"`))![1];
      expect(transform).toBe(`translate(${column * cell + margin} ${row * cell + margin})`);
    }
    expect(gzipSync(svg, { level: 9 }).length).toBeLessThanOrEqual(budget * people.length);
    expect(castSvg()).toBe(svg);
  });

  it('gives every id in the file once, so each face finds its own parts', () => {
    const ids = [...castSvg().matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // Every reference finds an id.
    for (const [, ref] of castSvg().matchAll(/(?:href="#|url\(#)([^")]+)/g)) expect(ids).toContain(ref);
  });

  it('shows each expression’s column by the page’s style: one rule an expression, in the sheet’s order', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    const size = /\.portrait \{[^}]*background-size: (\d+)%/.exec(css)![1];
    expect(Number(size)).toBe(expressions.length * 100);
    // Column i of n sits at i/(n-1) of the way across: 0 (no rule), 1/3, 2/3, 100%.
    const positions = expressions.map((e) => /background-position-x: ([^;]+);/.exec(css.slice(css.indexOf(`.portrait.${e} {`)))?.[1]);
    expect(css.includes('.portrait.neutral {')).toBe(false);
    expect(positions.slice(1)).toEqual(['calc(100% / 3)', 'calc(200% / 3)', '100%']);
  });

  it('names the sheet by its drawing, so a changed sheet is a new address', () => {
    const t = (key: string) => key;
    const address = portraitView('anna', 'Anna', t)!.src;
    expect(address).toMatch(/^\/portraits\/cast\.svg\?v=[0-9a-f]{8}$/);
    expect(portraitView('mark', 'Mark', t)!.src).toBe(address);
    const own = portraitView('mark', 'Mark', t, { folder: 'portraits/', people: ['mark'] })!;
    expect(own).toMatchObject({ row: 0, rows: 1 });
    expect(own.src).toMatch(/^portraits\/cast\.svg\?v=[0-9a-f]{8}$/);
    expect(own.src.slice(-8)).not.toBe(address.slice(-8));
  });

  it('draws only the people asked for, as a package carries only its scenario’s', () => {
    expect(faces(castSvg(['mark']))).toEqual(expressions.map((e) => `mark-${e}`));
  });

  it('draws each expression as a different face over the same head, and each person as a different head', () => {
    const people = Object.keys(looks);
    // One group of placed parts per view, in the order of the views.
    const groups = castSvg().slice(castSvg().indexOf('</defs>')).split('<g ').slice(1);
    const placed = (group: string, parts: RegExp) => [...group.matchAll(parts)].map((m) => m[1]).join(' ');
    expect(groups).toHaveLength(people.length * expressions.length);
    const heads = people.map((_, row) => groups.slice(row * expressions.length, (row + 1) * expressions.length));
    const parts = (group: string, kinds: RegExp) =>
      placed(group, /href="#([^"]+)"/g)
        .split(' ')
        .filter((id) => kinds.test(id))
        .join(' ');
    const features = /^(?:mouth|eyes|eyebrows)-/;
    for (const faces of heads) {
      // The same head under every expression, with its own features in each.
      expect(new Set(faces.map((g) => parts(g, /^(?!mouth-|eyes-|eyebrows-)/))).size).toBe(1);
      expect(new Set(faces.map((g) => parts(g, features))).size).toBe(expressions.length);
    }
    expect(new Set(heads.map((faces) => parts(faces[0]!, /^(?:hair|rearHair|clothes|beard)-/).replace(/\.\w+/g, ''))).size).toBe(
      people.length,
    );
  });

  it('keeps each drawing once, though DiceBear gives each person’s eyes and mouths ids of their own', () => {
    const svg = castSvg();
    const defs = svg.slice(svg.indexOf('<defs>') + 6, svg.indexOf('</defs>'));
    // The parts, each with its own ids (its own and its masks') left out.
    const drawings = [
      ...defs.matchAll(/<(g|path|clipPath) id="([^"]+)"[\s\S]*?(?=<(?:g|path|clipPath) id="[^"]+\.(?:anna|mark|dana)"|$)/g),
    ].map((m) => m[0].replace(/\b(id|href|mask|clip-path)="[^"]*"/g, '').replace(/\.(anna|mark|dana)\b/g, ''));
    expect(drawings.length).toBeGreaterThan(20);
    expect(drawings.filter((d, i) => drawings.indexOf(d) !== i)).toEqual([]);
    // Mark's calm face shows the eyes drawn under Anna's id.
    expect(svg.match(/<g id="mark-neutral"[\s\S]*?<\/g>/)![0]).toMatch(/href="#eyes-happy-\w+\.anna"/);
  });

  it('keeps no shape that draws nothing (filled at opacity 0, without a stroke of its own or its group’s)', () => {
    const svg = castSvg();
    // Every part left at opacity 0 lies in a stroked group, or has its own stroke: it draws its outline.
    for (const m of svg.matchAll(/<path[^>]*fill-opacity="0"[^>]*>/g)) {
      const group = svg.slice(svg.lastIndexOf('<g id=', m.index), m.index);
      expect(/stroke="#/.test(m[0]) || /<g[^>]*stroke="#/.test(group), m[0].slice(0, 60)).toBe(true);
    }
  });

  it('credits the artwork and its licence in the file and in the credits file', () => {
    expect(artwork.license).toBe('CC BY 4.0');
    expect(castSvg()).toContain(`${artwork.title} by ${artwork.creator}`);
    expect(portraitCredits()).toContain(`Licence: ${artwork.license}, ${artwork.licenseUrl}`);
  });
});
