// The embed frame's script, bundled once per build (in development, on every page view, so edits show).
import { bundleIsland } from '../islands/bundle.ts';

let built: Promise<string> | undefined;

/** The player for embed frames as one inlinable ES module (src/embed/frame.ts and what it imports). */
export function frameScript(): Promise<string> {
  if (import.meta.env.DEV) return bundleIsland('src/embed/frame.ts').then((b) => b.js);
  built ??= bundleIsland('src/embed/frame.ts').then((b) => b.js);
  return built;
}
