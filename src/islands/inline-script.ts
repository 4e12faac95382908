// A player island's script, bundled on its own (islands/bundle.ts) for a page to inline: once
// per build and entry; in development on every page view, so edits show.
import { bundleIsland } from './bundle.ts';

const built = new Map<string, Promise<string>>();

/**
 * The script of `entry` (a path from the project's root, e.g. "src/embed/frame.ts") as one
 * inlinable ES module. A player page inlines it rather than load shared chunks: one compressed
 * script weighs less than the same code in several files (each with its own overhead), and a
 * frame on another site fetches nothing from us (no CORS for a sandboxed frame, no stale chunk
 * after a deploy).
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
