import type { Locale } from '../engine/locales.ts';

export type PackageKind = 'scorm12' | 'cmi5';

/** The file name of an LMS package, as linked from the embedders' page and written by `npm run package`. */
export function packageFile(scenario: string, locale: Locale, kind: PackageKind): string {
  return `checks-in-the-mail-${scenario}-${locale}-${kind === 'scorm12' ? 'scorm12' : 'cmi5'}.zip`;
}
