import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleIsland } from './bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'island-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes source files into the fixture folder. */
function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

interface Probe {
  runs?: number;
  load?: () => Promise<{ late: () => number }>;
}
const probe = globalThis as Probe;

describe('an island script bundled with what it loads on a click', () => {
  it('puts its whole code in the one chunk it shares with a module it loads later, which runs the script once', async () => {
    write({
      'shared.ts': 'export const shared = () => 1;',
      'console-entry.ts': `import { shared } from './shared.ts';
        const g = globalThis as { runs?: number; load?: unknown };
        g.runs = (g.runs ?? 0) + shared();
        g.load = () => import('./on-click-late.ts');`,
      'on-click-late.ts': `import { shared } from './shared.ts';
        export const late = () => shared() + 1;`,
    });
    const bundle = await bundleIsland('console-entry.ts', { root: dir, splitting: true });
    // The script is one import of the chunk, which the page preloads with it.
    expect(bundle.imports).toHaveLength(1);
    expect(bundle.js).toBe(`import"./${bundle.imports[0]}";`);
    const out = mkdtempSync(join(dir, 'out-'));
    writeFileSync(join(out, 'script.js'), bundle.js);
    for (const [name, code] of bundle.chunks) writeFileSync(join(out, name), code);
    await import(pathToFileURL(join(out, 'script.js')).href);
    expect(probe.runs).toBe(1);
    const late = await probe.load!();
    expect(late.late()).toBe(2);
    // Loading the module a click asks for does not run the script's code again.
    expect(probe.runs).toBe(1);
  });

  it('keeps a script that loads nothing at once in one file, the page asking for it only once it has arrived', async () => {
    write({
      'player-entry.ts': `(globalThis as { map?: unknown }).map = () => import('./on-click-map.ts');`,
      'on-click-map.ts': 'export const paint = () => 2;',
    });
    const bundle = await bundleIsland('player-entry.ts', { root: dir, splitting: true });
    expect(bundle.imports).toEqual([]);
    expect([...bundle.chunks.keys()]).toEqual([expect.stringMatching(/^on-click-map\.\w+\.js$/)]);
    expect(bundle.js).toContain('import("./on-click-map.');
  });
});

describe('the players’ scripts', () => {
  // Preact's hooks keep their state under `__H` on a component; a script without hooks never names it.
  const hooksState = /\.__H\b/;

  it('carry no preact hooks: the course player and the embed frame are class components, 0.7 KB gzipped less each', async () => {
    for (const entry of ['src/islands/course-player.ts', 'src/islands/embed-frame.ts']) {
      const { js } = await bundleIsland(entry);
      expect(js, entry).not.toMatch(hooksState);
    }
    // The check can fail: an island written with hooks names their state.
    expect((await bundleIsland('src/islands/projector-screen.ts')).js).toMatch(hooksState);
  }, 60_000);

  it('leave preact hooks out of the facilitator console’s script: its islands are class components, 0.8 KB gzipped less', async () => {
    const { js, chunks } = await bundleIsland('src/islands/facilitator-console.ts', { splitting: true });
    const [shared, ...onClick] = [...chunks].sort(([a], [b]) => Number(b.startsWith('chunk.')) - Number(a.startsWith('chunk.')));
    expect(shared?.[0]).toMatch(/^chunk\./);
    expect(`${js}${shared?.[1]}`).not.toMatch(hooksState);
    // The live-voting panel, loaded on a click, brings them with it.
    expect(onClick.find(([name]) => name.startsWith('on-click-live-panel.'))?.[1]).toMatch(hooksState);
  }, 60_000);
});

describe('the islands’ scripts as pages load them', () => {
  it('are the chunk itself where the script would only import it', async () => {
    const { onlyChunk } = await import('./island-script.ts');
    expect(onlyChunk('import"./chunk.ABC123.js";', ['chunk.ABC123.js'])).toBe('chunk.ABC123.js');
    // A script with code of its own, or one that imports more, is loaded as it is.
    expect(onlyChunk('import"./chunk.ABC123.js";go();', ['chunk.ABC123.js'])).toBeUndefined();
    expect(onlyChunk('import"./a.js";import"./b.js";', ['a.js', 'b.js'])).toBeUndefined();
    expect(onlyChunk('go();', [])).toBeUndefined();
  });
});
