import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaPath } from './json-schema.ts';

/** Every property an editor can complete, as `path.to.property`, with its schema. */
function properties(node: unknown, path = ''): { path: string; schema: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => properties(item, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const own = Object.entries((node as { properties?: Record<string, Record<string, unknown>> }).properties ?? {}).map(([key, schema]) => ({
    path: `${path}.${key}`,
    schema,
  }));
  return [...own, ...Object.entries(node).flatMap(([key, value]) => properties(value, `${path}/${key}`))];
}

describe('the JSON Schema for editors', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing it)', () => {
    expect(JSON.parse(readFileSync(scenarioJsonSchemaPath, 'utf8'))).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('describes every property, so an editor explains each field on hover', () => {
    const all = properties(scenarioJsonSchema());
    // The walk reaches the nested shapes too: choices, routes, conditions, text variants, locales.
    expect(all.map((p) => p.path.split('.').pop())).toEqual(expect.arrayContaining(['next', 'goto', 'when', 'below', 'all', 'text', 'ru']));
    expect(all.filter((p) => typeof p.schema['description'] !== 'string' || p.schema['description'] === '').map((p) => p.path)).toEqual([]);
  });
});
