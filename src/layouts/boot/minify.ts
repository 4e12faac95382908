// The page's inline scripts are written readably in TypeScript and shipped minified: they
// travel in every page's HTML, so each byte counts on every page.
import { transformSync } from 'esbuild';
import { choseLanguageKey, themeKey } from '../../browser/storage-keys.ts';

/** Constants the inline scripts share (each declares the ones it uses), written in as they are minified. */
const shared = {
  /** Where the learner's theme choice is kept in localStorage (theme.ts, theme-button.ts). */
  THEME_KEY: JSON.stringify(themeKey),
  /** Where the language chooser keeps, in this tab's sessionStorage, that a language was chosen (language.ts). */
  CHOSE_LANGUAGE_KEY: JSON.stringify(choseLanguageKey),
};

const done = new Map<string, string>();

export function inlineScript(source: string): string {
  let code = done.get(source);
  if (code === undefined) {
    code = transformSync(source, { loader: 'ts', minify: true, target: 'es2020', define: shared }).code.trim();
    done.set(source, code);
  }
  return code;
}
