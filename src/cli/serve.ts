// `npm start` (after the build) and the end-to-end tests: serves the built site from dist/ the
// way a static host does: directory indexes, the 404 page, the _headers rules, and text sent
// compressed (Brotli or gzip, whichever the browser accepts), so that measurements against it
// see the bytes a learner downloads.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
  '.webmanifest': 'application/manifest+json',
};

/** Types worth compressing; images and zips are compressed already. */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.webmanifest']);

/** The address a build was made for, read from the catalogue it wrote (its loader's origin). */
export function builtFor(root: string): string | undefined {
  try {
    return new URL((JSON.parse(readFileSync(join(root, 'scenarios.json'), 'utf8')) as { loader: string }).loader).origin;
  } catch (error) {
    console.warn('The build does not say which address it was made for.', error);
    return undefined;
  }
}

/** What `npm start` says about the build's address next to the one it serves at. */
export function builtForMessage(built: string | undefined, served: string): string {
  if (!built || built === served) return `The build was made for ${served}: its embed snippets, oEmbed, catalogue and sitemap point here.`;
  return `The build was made for ${built}, not ${served}: its embed snippets, oEmbed, catalogue and sitemap point there. The embedders’ page gives out this address while you use it here; for a real host, build with SITE_URL=https://your.host npm run build (or SITE_URL=https://your.host npm start).`;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to answer an Accept-Encoding header with: Brotli, then gzip, else none; only
 * those in `offered` (a host that sends gzip alone offers `['gzip']`).
 */
export function chooseEncoding(accept: string | undefined, offered: readonly Encoding[] = ['br', 'gzip']): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name) accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (offered.includes('br') && allows('br')) return 'br';
  if (offered.includes('gzip') && allows('gzip')) return 'gzip';
  return 'identity';
}

/** The file's bytes in an encoding, compressed once per version of the file. */
function encoder() {
  const cache = new Map<string, { mtime: number; body: Buffer }>();
  return (file: string, encoding: Encoding): Buffer => {
    const mtime = statSync(file).mtimeMs;
    if (encoding === 'identity') return readFileSync(file);
    const key = `${encoding} ${file}`;
    const hit = cache.get(key);
    if (hit && hit.mtime === mtime) return hit.body;
    const raw = readFileSync(file);
    const body =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipSync(raw, { level: 9 });
    cache.set(key, { mtime, body });
    return body;
  };
}

interface HeaderRule {
  pattern: RegExp;
  set: [string, string][];
  detach: string[];
}

/** Reads a _headers file (Cloudflare Pages syntax: path patterns with *, "Name: value", "! Name"). */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .split('*')
          .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      );
      rules.push({ pattern, set: [], detach: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    const body = line.trim();
    if (!rule) continue;
    if (body.startsWith('!')) rule.detach.push(body.slice(1).trim().toLowerCase());
    else {
      const colon = body.indexOf(':');
      rule.set.push([body.slice(0, colon).trim().toLowerCase(), body.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers the rules give a path: values of one name join with commas; "!" removes earlier ones. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const name of rule.detach) delete out[name];
    for (const [name, value] of rule.set) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/** The file a URL path names inside root, or undefined for a malformed path or one that leaves root. */
export function pathInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
  const path = normalize(join(root, decoded));
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

/** What the server sent for one request, for a benchmark to count. */
export interface ServedResponse {
  /** The URL path asked for, without the query. */
  path: string;
  status: number;
  /** Bytes of the body as sent (compressed when it was). */
  bytes: number;
  /** The request's Referer: a service worker's requests name its script. */
  referer: string | undefined;
}

export interface ServerOptions {
  /** The built site; `dist` by default. */
  root?: string;
  /** 4321 by default; 0 lets the system pick a free port (read it from `server.address()`). */
  port?: number;
  host?: string;
  /** Further folders served under a URL prefix, e.g. `{ '/peers/ink/': '/tmp/ink' }`. */
  mounts?: Record<string, string>;
  /** The compressions to offer, Brotli and gzip by default. */
  encodings?: readonly Encoding[];
  /** Told of every response, after it is sent. */
  onResponse?: (response: ServedResponse) => void;
  /**
   * False leaves out the _headers rules, as a plain static host would (the tests use it to show
   * that a snippet works where the course has none of them).
   */
  headers?: boolean;
}

export function startServer(options: ServerOptions = {}) {
  const root = resolve(options.root ?? 'dist');
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const rules =
    options.headers !== false && existsSync(join(root, '_headers')) ? parseHeaders(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const port = options.port ?? 4321;
  const host = options.host ?? 'localhost';
  const encode = encoder();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${host}`);
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    let path = mount ? pathInside(mount[1], url.pathname.slice(mount[0].length)) : pathInside(root, url.pathname);
    if (path === undefined) {
      response.writeHead(400).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      path = join(path, 'index.html');
    }
    const found = existsSync(path) && statSync(path).isFile();
    const file = found ? path : join(root, '404.html');
    const encoding = compressible.has(extname(file)) ? chooseEncoding(request.headers['accept-encoding'], options.encodings) : 'identity';
    const body = encode(file, encoding);
    response.writeHead(found ? 200 : 404, {
      ...headersFor(rules, url.pathname),
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'Accept-Encoding',
      'content-length': String(body.length),
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
    options.onResponse?.({ path: url.pathname, status: found ? 200 : 404, bytes: body.length, referer: request.headers.referer });
  });
  server.listen(port, host);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env['PORT'] ?? 4321);
  if (!existsSync(resolve('dist', 'index.html'))) {
    console.error('No build in dist/: run `npm run build` first.');
    process.exit(1);
  }
  const served = `http://localhost:${port}`;
  startServer({ port }).on('listening', () => {
    console.log(`The course is being served at ${served}/ (Ctrl+C stops it).`);
    console.log(builtForMessage(builtFor(resolve('dist')), served));
  });
}
