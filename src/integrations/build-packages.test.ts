import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { textIn } from '../engine/localize.ts';
import { scenario as scenarioSchema } from '../engine/schema.ts';
import { validateManifest } from '../../tests/scorm-manifest.ts';
import { masteryScore, packageFile } from '../lms/package-names.ts';
import { buildPackages } from './build-packages.ts';

describe('the mastery score an LMS admin builds into the packages (MASTERY_SCORE)', () => {
  it('takes an overall score from 0 to 100, and nothing when unset', () => {
    expect(masteryScore({})).toBeUndefined();
    expect(masteryScore({ MASTERY_SCORE: ' ' })).toBeUndefined();
    expect(masteryScore({ MASTERY_SCORE: '70' })).toBe(70);
    expect(masteryScore({ MASTERY_SCORE: '0' })).toBe(0);
    expect(masteryScore({ MASTERY_SCORE: '100' })).toBe(100);
    expect(masteryScore({ MASTERY_SCORE: '72.5' })).toBe(72.5);
  });

  it('stops the build with a sentence naming the variable for anything else', () => {
    for (const wrong of ['seventy', '70%', '-5', '101', '0.7e2', 'Infinity'])
      expect(() => masteryScore({ MASTERY_SCORE: wrong }), wrong).toThrow(/MASTERY_SCORE must be an overall score from 0 to 100/);
  });

  describe('in the packages', () => {
    let dir = '';
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'packages-'));
      await buildPackages({ outDir: dir, site: 'https://course.example.org', mastery: 70 });
    }, 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('SCORM 1.2: the item’s adlcp:masteryscore, in a manifest the ADL schemas accept', async () => {
      const zip = unzipSync(readFileSync(join(dir, packageFile('client', 'ru', 'scorm12'))));
      const manifest = strFromU8(zip['imsmanifest.xml']!);
      expect(manifest).toMatch(/<item [^>]*>\s*<title>[^<]+<\/title>\s*<adlcp:masteryscore>70<\/adlcp:masteryscore>\s*<\/item>/);
      expect(await validateManifest(zip, manifest)).toEqual([]);
    });

    it('an LMS catalogue lists the scenario’s summary as written, which a search with ordinary spaces finds', () => {
      const client = scenarioSchema.parse(parse(readFileSync(join('content', 'scenarios', 'client.yaml'), 'utf8')));
      const description = (locale: 'en' | 'ru') => {
        const zip = unzipSync(readFileSync(join(dir, packageFile('client', locale, 'scorm12'))));
        return strFromU8(zip['metadata.xml']!).match(/<description><langstring [^>]*>([^<]*)<\/langstring>/)?.[1];
      };
      // The page binds the Russian one-letter words to the next with no-break spaces; the catalogue does not.
      expect(textIn(client.summary, 'ru')).not.toBe(client.summary.ru);
      expect(description('ru')).toBe(client.summary.ru);
      expect(description('en')).toBe(client.summary.en);
    });

    it('cmi5: the AU’s masteryScore, scaled 0–1, and the course’s ids at the built address', () => {
      const zip = unzipSync(readFileSync(join(dir, packageFile('contractor', 'en', 'cmi5'))));
      const structure = strFromU8(zip['cmi5.xml']!);
      expect(structure).toMatch(
        /<au id="https:\/\/course\.example\.org\/en\/scenarios\/contractor\/au" [^>]*moveOn="CompletedAndPassed" masteryScore="0.7"/,
      );
    });
  });
});
