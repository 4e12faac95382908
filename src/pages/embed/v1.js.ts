// The embed loader, bundled from TypeScript at build time into one small script that works
// both as a module (type="module", as documented) and as a classic script, as many CMSs add it.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { getScenarios } from '../../course/content.ts';
import { minifyModule } from '../../islands/bundle.ts';

export async function GET() {
  const result = await build({
    entryPoints: [resolve('src/embed/loader.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    // An unknown scenario is refused on the host page, with the valid ids, instead of framing a 404.
    define: { SCENARIO_IDS: JSON.stringify((await getScenarios()).map((s) => s.id)) },
  });
  // terser after esbuild, as for the players' scripts: the loader counts in every host page's weight.
  return new Response(await minifyModule(result.outputFiles[0]!.text, false), {
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  });
}
