import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expressions } from '../engine/expression.ts';
import { scenarios } from '../../tests/e2e/course-data.ts';
import { artwork, castSvg, looks, portraitCredits } from './portraits.ts';

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
    // A column per expression, a row per person, each face a 768-unit square: the Portrait component's grid.
    expect(svg).toMatch(new RegExp(`^<svg[^>]* viewBox="0 0 ${expressions.length * 768} ${people.length * 768}"`));
    for (const [i, face] of faces(svg).entries()) {
      const [column, row] = [i % expressions.length, Math.floor(i / expressions.length)];
      const transform = svg.match(new RegExp(`<g id="${face}"[^>]*?(?: transform="([^"]*)")?>`))![1];
      expect(transform ?? 'translate(0)').toBe(`translate(${column * 768}${row ? ` ${row * 768}` : ''})`);
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
