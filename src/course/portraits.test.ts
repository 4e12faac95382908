import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expressions } from '../engine/expression.ts';
import { scenarios } from '../../tests/e2e/course-data.ts';
import { artwork, looks, portraitCredits, portraitSvg } from './portraits.ts';

/** Issue #14's weight for a person's portrait, every expression included: 3 KB gzipped. */
const budget = 3 * 1024;
const people = [...new Set(scenarios.flatMap((s) => s.people.map((p) => p.id)))];

describe('the portraits drawn at build time', () => {
  it('draws every person of both scenarios', () => {
    expect(people.filter((id) => !(id in looks))).toEqual([]);
  });

  it.each(Object.keys(looks))('gives %s one view per expression within 3 KB gzipped, the same bytes every build', (person) => {
    const svg = portraitSvg(person);
    expect([...svg.matchAll(/<view id="(\w+)"/g)].map((m) => m[1])).toEqual([...expressions]);
    expect(gzipSync(svg, { level: 9 }).length).toBeLessThanOrEqual(budget);
    expect(portraitSvg(person)).toBe(svg);
  });

  it('draws each expression as a different face over the same head', () => {
    const svg = portraitSvg('anna');
    // One group of placed parts per view, in the order of the views.
    const groups = svg.slice(svg.indexOf('</defs>')).split('<g ').slice(1);
    const placed = (group: string, parts: RegExp) => [...group.matchAll(parts)].map((m) => m[1]).join(' ');
    expect(groups).toHaveLength(expressions.length);
    expect(new Set(groups.map((g) => placed(g, /href="#(\w+)-/g))).size).toBe(1);
    expect(new Set(groups.map((g) => placed(g, /href="#((?:mouth|eyes|eyebrows)-\w+)-/g))).size).toBe(expressions.length);
  });

  it('keeps no shape that draws nothing (filled at opacity 0, without a stroke of its own or its group’s)', () => {
    for (const person of Object.keys(looks)) {
      const svg = portraitSvg(person);
      // Every part left at opacity 0 lies in a stroked group, or has its own stroke: it draws its outline.
      for (const m of svg.matchAll(/<path[^>]*fill-opacity="0"[^>]*>/g)) {
        const group = svg.slice(svg.lastIndexOf('<g id=', m.index), m.index);
        expect(/stroke="#/.test(m[0]) || /<g[^>]*stroke="#/.test(group), `${person}: ${m[0].slice(0, 60)}`).toBe(true);
      }
    }
  });

  it('credits the artwork and its licence in each file and in the credits file', () => {
    expect(artwork.license).toBe('CC BY 4.0');
    expect(portraitSvg('mark')).toContain(`${artwork.title} by ${artwork.creator}`);
    expect(portraitCredits()).toContain(`Licence: ${artwork.license}, ${artwork.licenseUrl}`);
  });
});
