import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scenario as schema, type ScenarioContent } from '../../src/engine/schema.ts';

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'scenarios');

export function readFixture(path: string): unknown {
  return parse(readFileSync(join(fixturesDir, path), 'utf8'));
}

export function loadValid(name: 'mini-contractor' | 'mini-client'): ScenarioContent {
  return schema.parse(readFixture(`valid/${name}.yaml`));
}

export function brokenFixtures(): string[] {
  return readdirSync(join(fixturesDir, 'broken')).filter((f) => f.endsWith('.yaml'));
}
