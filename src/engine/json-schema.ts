import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import { scenario } from './schema.ts';

export const scenarioJsonSchemaPath = fileURLToPath(new URL('./scenario.schema.json', import.meta.url));

/** The scenario schema as JSON Schema, generated from the zod schema (the one source of truth). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenario, { io: 'input', unrepresentable: 'any' }),
    title: 'A scenario of The Check’s in the Mail',
  };
}
