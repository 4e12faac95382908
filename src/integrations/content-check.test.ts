import { describe, expect, it } from 'vitest';
import { AstroError } from 'astro/errors';
import { contentError } from './content-check.ts';
import { validateScenarios } from '../engine/validate.ts';
import { readFixture } from '../../tests/unit/scenario-fixtures.ts';

describe('a build that meets broken content', () => {
  it('fails with an AstroError listing each problem by file, node and choice, and a hint on what to do', () => {
    const { diagnostics } = validateScenarios([
      { file: 'scenarios/unknown-target.yaml', data: readFixture('broken/unknown-target.yaml') },
      { file: 'scenarios/missing-translation.yaml', data: readFixture('broken/missing-translation.yaml') },
    ]);
    const error = contentError(diagnostics, './content');
    expect(AstroError.is(error)).toBe(true);
    expect(error.message).toMatchInlineSnapshot(`
      "2 content problems in ./content:
        - scenarios/unknown-target.yaml › node "ask" › choice "blunt": [unknown-target] leads to "termz", which is not a node in this scenario (did you mean "terms"?). Fix the id, or add a node with id "termz".
        - scenarios/missing-translation.yaml › node "replaced": [missing-translation] \`title\` has no Russian text (\`ru\`). Write it in that language."
    `);
    expect(error.hint).toMatchInlineSnapshot(
      `"Fix each line at the file, node and choice it names, then build again. \`npm run check:content\` runs the same checks in a second or two, without a build; content/README.md describes the format."`,
    );
    expect(error.stack).toBe('');
  });
});
