// An island's script bundled on its own, with esbuild, for code that lives away from the site's
// shared chunks: the LMS packages, and the files the players, the facilitator's console and the
// projector screen load (islands/island-script.ts). One file is what a host page or an LMS loads
// most cheaply; their styles come with the page (or the package's CSS).
import { build, type Plugin } from 'esbuild';
import { minify } from 'terser';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';

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
 * on by default), so it can still be inlined. `ecma: 2020` lets terser write the syntax the
 * bundles already use (esbuild targets ES2022): a few bytes less on the player. `unsafe_arrows`
 * writes a function expression that never reads `this` or `arguments` as an arrow (about 30 bytes
 * gzipped off the console's and the players' scripts); it is unsafe only for a function called
 * with `new` or read for its `prototype`, which none of the bundled code's function expressions is
 * (Preact tells a class component by its prototype's `render`, which an arrow, like a function
 * component, lacks). Terser checks only `this`, `arguments` and generators: a function expression
 * called with `new` must be written as a class or a declaration, which it leaves alone.
 */
export async function minifyModule(js: string, module = true): Promise<string> {
  const { code } = await minify(js, { module, ecma: 2020, compress: { passes: 2, unsafe_arrows: true }, format: { comments: false } });
  if (code === undefined) throw new Error('terser returned no code');
  return code;
}

/**
 * An esbuild plugin that makes every module the script loads with `import()` import the script's
 * own module (`entry`, an absolute path) first. When it runs, that import does nothing: the script
 * ran before it, and is the only way to it. But esbuild then puts the whole of the script's code
 * into the chunk the two share, and the script itself becomes a one-line import of it: the page
 * loads its code as one file, compressed as one, instead of the script and a chunk of the code it
 * shares with what it loads on a click, each compressed on its own and naming each of the dozens
 * of functions one exports to the other (the facilitator console: 699 bytes gzipped less, of
 * 15,766).
 */
function entryFirst(entry: string): Plugin {
  return {
    name: 'entry-first',
    setup(build) {
      build.onResolve({ filter: /./ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === 'entry-first') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'entry-first' });
        return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path, namespace: 'entry-first' };
      });
      build.onLoad({ filter: /./, namespace: 'entry-first' }, async (args) => ({
        contents: `import ${JSON.stringify(entry)};\n${await readFile(args.path, 'utf8')}`,
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
        resolveDir: dirname(args.path),
      }));
    },
  };
}

/**
 * Bundles `entry` (a path from the project's root) with everything it imports. With `css`, the
 * stylesheets it imports are bundled beside it; without, they are left to the page. Without
 * `splitting`, what the code imports with `import()` is bundled into the one script; with it, each
 * such module is a file of its own (`chunks`), loaded when asked for. Where such a module shares
 * code with the script, the script's whole code goes into one chunk (see `entryFirst`), which the
 * script imports at once (`imports`) and the modules it loads later import too. The script never
 * contains `</script`, so it can be inlined. With `classic`, the script is a classic one (an
 * IIFE, no splitting), for a page that may be opened from a file, where browsers refuse module
 * scripts (an LMS package that an administrator opens from its unzipped folder).
 */
export async function bundleIsland(
  entry: string,
  options: { root?: string; css?: boolean; splitting?: boolean; classic?: boolean } = {},
): Promise<Bundle> {
  const entryPath = resolve(options.root ?? '.', entry);
  let result = await esbuildIsland(entryPath, options, false);
  // Only where the script loads a chunk at once already: a script that loads nothing at once (a
  // player's) stays one file, which the page asks for only once it has arrived.
  if (options.splitting && staticImports(result).length > 0) result = await esbuildIsland(entryPath, options, true);
  const files = result.outputFiles.filter((f) => f.path.endsWith('.js'));
  const script = files.find((f) => f.path === resolve(scriptOutput(result)[0]));
  if (!script) throw new Error(`esbuild wrote no script for ${entry}`);
  const chunks = new Map<string, string>();
  for (const file of files) if (file !== script) chunks.set(basename(file.path), await minifyModule(file.text));
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return { js: await minifyModule(script.text, !options.classic), chunks, imports: staticImports(result), css };
}

type Built = Awaited<ReturnType<typeof esbuildIsland>>;

/** The script's output in esbuild's metafile: the one made for the entry (a module it imports may share its name). */
function scriptOutput(result: Built) {
  const found = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined);
  if (!found) throw new Error('esbuild wrote no script');
  return found;
}

/** The file names of the chunks the script imports at once. */
const staticImports = (result: Built) =>
  scriptOutput(result)[1]
    .imports.filter((i) => i.kind === 'import-statement')
    .map((i) => basename(i.path));

/** esbuild's pass over the entry (an absolute path), unminified by terser yet; with `shareEntry`, through `entryFirst`. */
function esbuildIsland(entryPath: string, options: { css?: boolean; splitting?: boolean; classic?: boolean }, shareEntry: boolean) {
  return build({
    entryPoints: [entryPath],
    bundle: true,
    minify: true,
    format: options.classic ? 'iife' : 'esm',
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
    ...(shareEntry && { plugins: [entryFirst(entryPath)] }),
  });
}
