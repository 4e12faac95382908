// An island's script bundled on its own, with esbuild, for code that lives away from the site's
// shared chunks: the LMS packages, and the files the players, the facilitator's console and the
// projector screen load (islands/island-script.ts). One file is what a host page or an LMS loads
// most cheaply; their styles come with the page (or the package's CSS).
import { build } from 'esbuild';
import { minify } from 'terser';
import { basename, resolve } from 'node:path';

export interface Bundle {
  /** The script, an ES module, minified. */
  js: string;
  /**
   * With `splitting`, the other files the script loads, by file name (beside the script): what
   * it imports with `import()` (named after the module imported, so `on-click-…` modules keep
   * their name) and what those share with it. Empty without `splitting`.
   */
  chunks: Map<string, string>;
  /** The names of the chunks the script imports at once (for `<link rel="modulepreload">`). */
  imports: string[];
  /** The styles its components import, minified; empty when `css` was not asked for. */
  css: string;
}

/**
 * Minifies a bundled ES module once more, with terser, whose compressor folds what esbuild's
 * single pass leaves (measured on the course player: 15.7 KB gzipped from esbuild alone, 15.0 KB
 * after terser). With `module` false, a classic script (the embed loader), whose top level and
 * directives stay as they are. The output never contains `</script` (terser's `inline_script`,
 * on by default), so it can still be inlined.
 */
export async function minifyModule(js: string, module = true): Promise<string> {
  const { code } = await minify(js, { module, compress: { passes: 2 }, format: { comments: false } });
  if (code === undefined) throw new Error('terser returned no code');
  return code;
}

/**
 * Bundles `entry` (a path from the project's root) with everything it imports. With `css`, the
 * stylesheets it imports are bundled beside it; without, they are left to the page. Without
 * `splitting`, what the code imports with `import()` is bundled into the one script; with it, each
 * such module is a file of its own (`chunks`), loaded when asked for, and the code it shares with
 * the script another. The script never contains `</script`, so it can be inlined.
 */
export async function bundleIsland(entry: string, options: { root?: string; css?: boolean; splitting?: boolean } = {}): Promise<Bundle> {
  const result = await build({
    entryPoints: [resolve(options.root ?? '.', entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'out',
    // Named by their content, so a browser never keeps a stale one: a module loaded with import()
    // by its own name ("on-click-….{hash}.js"), code shared by several files "chunk.{hash}.js".
    // The script itself is named by its caller and imported by no other file.
    entryNames: options.splitting ? '[name].[hash]' : 'bundle',
    chunkNames: '[name].[hash]',
    splitting: options.splitting ?? false,
    write: false,
    metafile: true,
    legalComments: 'none',
    supported: { 'inline-script': false },
    ...(!options.css && { loader: { '.css': 'empty' as const } }),
  });
  const files = result.outputFiles.filter((f) => f.path.endsWith('.js'));
  // The script is the output esbuild made for the entry (a module it imports may share its name).
  const [mainPath, mainOutput] = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined) ?? [];
  const script = files.find((f) => mainPath !== undefined && f.path === resolve(mainPath));
  if (!script || !mainOutput) throw new Error(`esbuild wrote no script for ${entry}`);
  const chunks = new Map<string, string>();
  for (const file of files) if (file !== script) chunks.set(basename(file.path), await minifyModule(file.text));
  const imports = mainOutput.imports.filter((i) => i.kind === 'import-statement').map((i) => basename(i.path));
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return { js: await minifyModule(script.text), chunks, imports, css };
}
