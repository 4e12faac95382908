import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaPath } from './json-schema.ts';

describe('the JSON Schema for editors', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing it)', () => {
    expect(JSON.parse(readFileSync(scenarioJsonSchemaPath, 'utf8'))).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
