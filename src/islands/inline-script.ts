// A page's small script (the course home's, a lesson's), bundled on its own (islands/bundle.ts)
// for the page to inline: once per build and entry; in development on every page view, so edits
// show. The players' larger scripts are files of their own (islands/island-script.ts).
import { bundleIsland } from './bundle.ts';

const built = new Map<string, Promise<string>>();

/**
 * The script of `entry` (a path from the project's root, e.g. "src/scripts/lesson.ts") as one
 * inlinable ES module: for scripts of a few hundred bytes, which cost less in the page than a
 * request of their own.
 */
export function inlineScript(entry: string): Promise<string> {
  if (import.meta.env.DEV) return bundleIsland(entry).then((b) => b.js);
  if (!built.has(entry))
    built.set(
      entry,
      bundleIsland(entry).then((b) => b.js),
    );
  return built.get(entry)!;
}
