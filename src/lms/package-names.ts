import type { Locale } from '../engine/locales.ts';

export type PackageKind = 'scorm12' | 'cmi5';

/** The file name of an LMS package, as linked from the embedders' page and written by `npm run package`. */
export function packageFile(scenario: string, locale: Locale, kind: PackageKind): string {
  return `checks-in-the-mail-${scenario}-${locale}-${kind === 'scorm12' ? 'scorm12' : 'cmi5'}.zip`;
}

/**
 * The mastery score the packages carry, from `MASTERY_SCORE` (an overall score 0–100), or
 * undefined when it is not set: the packages then ship none and the LMS may give its own. In
 * SCORM 1.2 it becomes the item's `adlcp:masteryscore` (the SCORM 1.2 Content Aggregation Model;
 * an LMS hands it to the player as `cmi.student_data.mastery_score`), in cmi5 the AU's
 * `masteryScore` attribute, scaled 0–1 (the cmi5 course structure; the LMS passes it in
 * `LMS.LaunchData`). Throws a sentence naming the variable
 * when it is set to anything but a number from 0 to 100.
 */
export function masteryScore(env: Record<string, string | undefined>): number | undefined {
  const raw = env['MASTERY_SCORE']?.trim();
  if (!raw) return undefined;
  const score = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || score > 100)
    throw new Error(`MASTERY_SCORE must be an overall score from 0 to 100 (e.g. MASTERY_SCORE=70), not "${raw}".`);
  return score;
}
