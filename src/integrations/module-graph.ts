// The import graph of the built JavaScript: which chunks a page's module script pulls in at once
// (static imports) and which only when asked (dynamic imports). Read from the files themselves,
// so the preload links and the weight gate see exactly what a browser would fetch.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const importPattern = /(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+\.m?js)["'`]|import\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g;

/** A chunk's own imports, as files: `static` are fetched with it, `dynamic` when the code asks. */
export function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(file, 'utf8');
  const found = { static: [] as string[], dynamic: [] as string[] };
  for (const match of code.matchAll(importPattern)) {
    const spec = match[1] ?? match[2]!;
    // Only relative specifiers name our own chunks; anything else is not in the build.
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    if (existsSync(target)) (match[1] ? found.static : found.dynamic).push(target);
  }
  return found;
}

/**
 * Every chunk an entry needs before it runs (itself and its static imports, transitively), and
 * those it may load later (dynamic imports and what they need), as absolute file paths. Dynamic
 * imports of chunks for which `apart` holds (code loaded only on a click) are listed apart and
 * not followed.
 */
export function moduleClosure(
  entry: string,
  apart: (file: string) => boolean = () => false,
): { eager: Set<string>; lazy: Set<string>; apart: Set<string> } {
  const eager = new Set<string>();
  const lazy = new Set<string>();
  const aside = new Set<string>();
  const visit = (file: string, into: Set<string>) => {
    if (eager.has(file) || into.has(file)) return;
    into.add(file);
    const { static: now, dynamic: later } = importsOf(file);
    for (const f of now) visit(f, into);
    for (const f of later) {
      if (apart(f)) aside.add(f);
      else visit(f, lazy);
    }
  };
  visit(entry, eager);
  for (const f of eager) lazy.delete(f);
  return { eager, lazy, apart: aside };
}

/** The built file a root-relative URL names, e.g. "/_astro/x.js" in dist. */
export function builtFile(dist: string, url: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const file = join(dist, url.split(/[?#]/)[0]!);
  return existsSync(file) ? file : undefined;
}
