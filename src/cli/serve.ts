// `npm start` (after the build) and the end-to-end tests: serves the built site from dist/ the
// way a static host does: directory indexes, the 404 page, the _headers rules, and text sent
// compressed (Brotli or gzip, whichever the browser accepts), so that measurements against it
// see the bytes a learner downloads. With `live`, the same process serves the live-room API
// under /live/ and the phones' short join address /j/{code}.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createAdaptorServer } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { createLiveApi } from '../live/server.ts';
import { SqliteRoomStore } from '../live/store.ts';
import { LocalBus } from '../live/hub.ts';
import { siteUrl } from '../site.ts';
import { isLoopbackAddress, isLoopbackHost } from '../live/loopback.ts';

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

/** What `npm start` says about the build's address next to the one it serves at. */
export function builtForMessage(built: string | undefined, served: string): string {
  if (!built || built === served)
    return `The build was made for ${served}: its embed snippets, oEmbed, catalogue, sitemap and LMS packages’ identifiers point here.`;
  return `The build was made for ${built}, not ${served}: its embed snippets, oEmbed, catalogue, sitemap and LMS packages’ identifiers point there. The embedders’ page gives out this address while you use it here; for a real host, build with SITE_URL=https://your.host npm run build (or SITE_URL=https://your.host npm start).`;
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

/**
 * Answers a request for the built site: the file, its directory index, or the 404 page; `mounts`
 * serve further folders under a URL prefix, `encodings` are the compressions offered.
 */
export function staticSite(rootDir: string, mountDirs: Record<string, string> = {}, encodings?: readonly Encoding[], withHeaders = true) {
  const root = resolve(rootDir);
  const mounts = Object.entries(mountDirs).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const rules = withHeaders && existsSync(join(root, '_headers')) ? parseHeaders(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const encode = encoder();
  return (url: URL, method: string, acceptEncoding: string | undefined): Response => {
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    let path = mount ? pathInside(mount[1], url.pathname.slice(mount[0].length)) : pathInside(root, url.pathname);
    if (path === undefined) return new Response(null, { status: 400 });
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (!url.pathname.endsWith('/')) return new Response(null, { status: 301, headers: { location: `${url.pathname}/${url.search}` } });
      path = join(path, 'index.html');
    }
    const found = existsSync(path) && statSync(path).isFile();
    const file = found ? path : join(root, '404.html');
    const encoding = compressible.has(extname(file)) ? chooseEncoding(acceptEncoding, encodings) : 'identity';
    const body = encode(file, encoding);
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
      status: found ? 200 : 404,
      headers: {
        ...headersFor(rules, url.pathname),
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'Accept-Encoding',
        'content-length': String(body.length),
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      },
    });
  };
}

/** The machine's addresses on its networks (IPv4, not loopback): where phones in the room can reach it. */
export function networkAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && a.family === 'IPv4' && !a.internal ? [a.address] : []));
}

/** Whether a server listening on `host` answers on every interface (0.0.0.0, ::, or HOST left empty). */
export const everyInterface = (host: string): boolean => host === '' || host === '0.0.0.0' || host === '::';

/**
 * The hosts, as an address writes them (an IPv6 literal in brackets), at which phones on the
 * network reach a server listening on `host`: the machine's network addresses (IPv4) when it
 * listens on every interface, none on loopback (localhost, 127.0.0.1, ::1: no phone reaches it),
 * else `host` itself.
 */
export function listeningAddresses(host: string, network: () => string[] = networkAddresses): string[] {
  if (everyInterface(host)) return network();
  const written = host.includes(':') ? `[${host}]` : host;
  return isLoopbackHost(written) ? [] : [written];
}

/**
 * The origin phones join a room at: `publicUrl` when the server is told its public address;
 * else where the page was opened, unless that is this machine's loopback (no phone reaches it),
 * asked over a loopback connection that is no reverse proxy's: then `http://<network>:<port>`, the machine's first network
 * address. The connection's `remote` address decides, not the Host header alone, which any
 * client may write: a client on the network never learns an address it did not use.
 */
export function joinOrigin(at: {
  request: URL;
  remote: string | undefined;
  publicUrl: string | undefined;
  network: string | undefined;
  port: number;
  /** Behind a reverse proxy every connection comes from the proxy, often on loopback: none is this machine's own. */
  behindProxy: boolean;
}): string {
  const { request, remote, publicUrl, network, port, behindProxy } = at;
  if (publicUrl) return new URL(publicUrl).origin;
  const fromThisMachine = !behindProxy && isLoopbackHost(request.hostname) && remote !== undefined && isLoopbackAddress(remote);
  return fromThisMachine && network ? `http://${network}:${request.port || port}` : request.origin;
}

/** The address the build in `root` was made for (SITE_URL at build time), read from its sitemap; undefined without one. */
export function builtOrigin(root: string): string | undefined {
  const sitemap = join(resolve(root), 'sitemap-index.xml');
  if (!existsSync(sitemap)) return undefined;
  return /<loc>(https?:\/\/[^/<]+)/.exec(readFileSync(sitemap, 'utf8'))?.[1];
}

export interface LiveSettings {
  /** The SQLite file rooms are kept in. */
  database: string;
  /** The address phones join at, when the server is behind a proxy or a name (PUBLIC_URL). */
  publicUrl?: string;
  /** Trust X-Real-IP from a reverse proxy for the client's address (TRUST_PROXY=1). */
  trustProxy?: boolean;
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
  /** Told of every response for the site's files, after it is made. */
  onResponse?: (response: ServedResponse) => void;
  /** Serve the live rooms' API too, with rooms kept as these settings say. */
  live?: LiveSettings;
  /**
   * False leaves out the _headers rules, as a plain static host would (the tests use it to show
   * that a snippet works where the course has none of them).
   */
  headers?: boolean;
}

export function startServer(options: ServerOptions = {}) {
  const port = options.port ?? 4321;
  const host = options.host ?? 'localhost';
  const site = staticSite(options.root ?? 'dist', options.mounts, options.encodings, options.headers !== false);
  // Not strict: /live/ and /live both reach the API's root.
  const app = new Hono({ strict: false });
  let live: ReturnType<typeof createLiveApi> | undefined;
  let store: SqliteRoomStore | undefined;
  if (options.live) {
    const settings = options.live;
    store = new SqliteRoomStore(settings.database);
    const clientAddress = (c: Context) => (settings.trustProxy && c.req.header('x-real-ip')) || getConnInfo(c).remote.address || 'unknown';
    live = createLiveApi({
      store,
      bus: new LocalBus(),
      // Cross-origin calls only from the course's own address, the one the build was made for.
      origins: [builtOrigin(options.root ?? 'dist') ?? siteUrl(process.env)],
      clientAddress,
      // Phones join where the page was opened, unless that is this machine's loopback, which no
      // phone can reach: then at the machine's network address.
      joinBase: (c) =>
        joinOrigin({
          request: new URL(c.req.url),
          remote: getConnInfo(c).remote.address,
          publicUrl: settings.publicUrl,
          // Only an address the server answers at: one listening on loopback has none for phones.
          network: listeningAddresses(host)[0],
          port,
          behindProxy: settings.trustProxy === true,
        }),
    });
    const api = live;
    app.route('/live', api.app);
    const browserLocale = (c: Context) => (/^ru\b/i.test(c.req.header('accept-language') ?? '') ? 'ru' : 'en');
    // The short address typed without its code (or cut off) opens the join page, which asks for it.
    app.get('/j', (c) => c.redirect(`/${browserLocale(c)}/join/`, 302));
    app.get('/j/:code', async (c) => {
      const target = await api.joinTarget(c.req.param('code'), clientAddress(c));
      if (target === 'rate-limited') return c.text('Too many wrong codes: wait a few minutes.', 429);
      const locale = target?.locale ?? browserLocale(c);
      // An unknown or expired code opens the join page too, which says so and asks for the code.
      const code = target?.code ?? c.req.param('code').slice(0, 20);
      return c.redirect(`/${locale}/join/?code=${encodeURIComponent(code)}`, 302);
    });
  }
  app.all('*', (c) => {
    const url = new URL(c.req.url);
    const response = site(url, c.req.method, c.req.header('accept-encoding'));
    options.onResponse?.({
      path: url.pathname,
      status: response.status,
      bytes: Number(response.headers.get('content-length') ?? 0),
      referer: c.req.header('referer'),
    });
    return response;
  });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host });
  server.on('close', () => {
    live?.close();
    store?.shutdown();
  });
  server.listen(port, host);
  return Object.assign(server, { live });
}

/** The addresses `npm start` prints: this machine's, and the network's that phones use. */
export function addressesToPrint(host: string, port: number): { local: string; network: string[] } {
  return { local: `http://localhost:${port}/`, network: listeningAddresses(host).map((a) => `http://${a}:${port}/`) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env['PORT'] ?? 4321);
  // Every interface, so phones on the same network reach the live rooms; HOST=127.0.0.1 keeps it to this machine.
  const host = process.env['HOST'] || '0.0.0.0';
  if (!existsSync(resolve('dist', 'index.html'))) {
    console.error('No build in dist/: run `npm run build` first.');
    process.exit(1);
  }
  const server = startServer({
    port,
    host,
    live: {
      database: process.env['LIVE_DB'] ?? resolve('.live', 'rooms.db'),
      ...(process.env['PUBLIC_URL'] && { publicUrl: process.env['PUBLIC_URL'] }),
      trustProxy: process.env['TRUST_PROXY'] === '1',
    },
  });
  server.on('listening', () => {
    const { local, network } = addressesToPrint(host, port);
    console.log(`The course and its live rooms are served at ${local} (Ctrl+C stops it).`);
    for (const address of network) console.log(`Phones on this network join at ${address}`);
    if (network.length === 0)
      console.log(
        everyInterface(host)
          ? 'No network address found: phones can join only once this machine is on a network.'
          : `Listening on ${host} only: no phone can reach it. Start without HOST (or with HOST=0.0.0.0) to run a room.`,
      );
    console.log(builtForMessage(builtOrigin('dist'), new URL(local).origin));
  });
  // Closing waits for every open connection, and the live rooms' event streams never end by
  // themselves: they are ended here, so the process exits and phones, the console and the
  // screen reconnect to the next server (the rooms are in the database) rather than stay with
  // this one, which no longer hears the votes.
  const stop = () => {
    server.close(() => process.exit(0));
    if ('closeAllConnections' in server) server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
