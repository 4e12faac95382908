import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', 'fixtures', 'broken-site');

describe('building a site with broken content', () => {
  it('fails, naming the file, the node and the choice, with a hint and without a stack trace', () => {
    const result = spawnSync('npx', ['astro', 'build', '--root', root], {
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      timeout: 120_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toContain('scenarios/late-payment.yaml › node "ask" › choice "blunt": [unknown-target]');
    expect(output).toContain('"termz"');
    // Astro shows an AstroError's hint under the problems: what to do next.
    expect(output).toMatch(/Hint:\s+Fix each line[^\n]*`npm run check:content`/);
    expect(output).not.toMatch(/Stack trace|\n\s+at /);
  }, 120_000);
});
