// The page's inline scripts are written readably in TypeScript and shipped minified: they
// travel in every page's HTML, so each byte counts on every page.
import { transformSync } from 'esbuild';

const done = new Map<string, string>();

export function inlineScript(source: string): string {
  let code = done.get(source);
  if (code === undefined) {
    code = transformSync(source, { loader: 'ts', minify: true, target: 'es2020' }).code.trim();
    done.set(source, code);
  }
  return code;
}
