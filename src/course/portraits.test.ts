import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expressions } from '../engine/expression.ts';
import { scenarios } from '../../tests/e2e/course-data.ts';
import { artwork, castSvg, looks, portraitCredits } from './portraits.ts';

/** Issue #14's weight for a person's portrait, every expression included: 3 KB gzipped. */
const budget = 3 * 1024;
const people = [...new Set(scenarios.flatMap((s) => s.people.map((p) => p.id)))];

describe('the portraits drawn at build time', () => {
  it('draws every person of both scenarios', () => {
    expect(people.filter((id) => !(id in looks))).toEqual([]);
  });

  it('gives every person one view per expression, within 3 KB gzipped a person, the same bytes every build', () => {
    const people = Object.keys(looks);
    const svg = castSvg();
    expect([...svg.matchAll(/<view id="([\w-]+)"/g)].map((m) => m[1])).toEqual(people.flatMap((p) => expressions.map((e) => `${p}-${e}`)));
    expect(gzipSync(svg, { level: 9 }).length).toBeLessThanOrEqual(budget * people.length);
    expect(castSvg()).toBe(svg);
  });

  it('gives every id in the file once, so each face finds its own parts', () => {
    const ids = [...castSvg().matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // Every reference finds an id.
    for (const [, ref] of castSvg().matchAll(/(?:href="#|url\(#)([^")]+)/g)) expect(ids).toContain(ref);
  });

  it('draws only the face its view asks for, so an image of it costs one face, not twelve', () => {
    const svg = castSvg();
    const style = svg.match(/<style>(.*?)<\/style>/)![1]!;
    // Every face is hidden once a view is asked for, but that view's own; without a view, all are drawn.
    expect(style.startsWith(':target~g{display:none}')).toBe(true);
    const views = [...svg.matchAll(/<view id="([\w-]+)"/g)].map((m) => m[1]!);
    expect(views).toHaveLength(Object.keys(looks).length * expressions.length);
    for (const view of views) {
      expect(style).toContain(`#${view}:target~#${view}-face`);
      // The face comes after every view, a sibling the style can reach.
      expect(svg.indexOf(`<g id="${view}-face"`)).toBeGreaterThan(svg.lastIndexOf('<view '));
    }
  });

  it('draws only the people asked for, as a package carries only its scenario’s', () => {
    expect([...castSvg(['mark']).matchAll(/<view id="([\w-]+)"/g)].map((m) => m[1])).toEqual(expressions.map((e) => `mark-${e}`));
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
