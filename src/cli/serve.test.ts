import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  builtForMessage,
  builtOrigin,
  chooseEncoding,
  headersFor,
  joinOrigin,
  listeningAddresses,
  parseHeaders,
  pathInside,
  startServer,
} from './serve.ts';
import { siteAddressMessage } from '../integrations/site-address.ts';

const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));

describe('the shipped _headers rules', () => {
  it('let any site frame an embed frame, and only the course frame every other page', () => {
    expect(headersFor(rules, '/ru/embed/client/')['content-security-policy']).toBe('frame-ancestors *');
    expect(headersFor(rules, '/en/scenarios/client/')['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(headersFor(rules, '/en/embed/')['content-security-policy']).toBe("frame-ancestors 'self'");
  });

  it('serve scripts to sandboxed frames with CORS', () => {
    expect(headersFor(rules, '/_astro/preact.abc.js')['access-control-allow-origin']).toBe('*');
    expect(headersFor(rules, '/embed/v1.js')['access-control-allow-origin']).toBe('*');
    expect(headersFor(rules, '/en/')['access-control-allow-origin']).toBeUndefined();
  });

  it('let any site fetch the catalogue and the oEmbed answers from its own pages', () => {
    expect(headersFor(rules, '/scenarios.json')['access-control-allow-origin']).toBe('*');
    expect(headersFor(rules, '/oembed/ru/contractor.json')['access-control-allow-origin']).toBe('*');
  });
});

describe('the address phones join at', () => {
  const at = (url: string, remote: string | undefined, publicUrl?: string, behindProxy = false) =>
    joinOrigin({ request: new URL(url), remote, publicUrl, network: '192.168.1.20', port: 4321, behindProxy });

  it('is the network address when the console is opened on this machine itself', () => {
    expect(at('http://localhost:4321/live/', '127.0.0.1')).toBe('http://192.168.1.20:4321');
    expect(at('http://[::1]:8080/live/', '::1')).toBe('http://192.168.1.20:8080');
  });

  it('is where the page was opened for anyone on the network, whatever Host header they send', () => {
    expect(at('http://192.168.1.20:4321/live/', '192.168.1.31')).toBe('http://192.168.1.20:4321');
    expect(at('http://localhost:4321/live/', '192.168.1.31')).toBe('http://localhost:4321');
    expect(at('http://localhost:4321/live/', undefined)).toBe('http://localhost:4321');
  });

  it('is never the network address behind a reverse proxy, whose connections all come from loopback', () => {
    expect(at('http://localhost:4321/live/', '127.0.0.1', undefined, true)).toBe('http://localhost:4321');
  });

  it('is never an address the server does not answer at: listening on loopback, it has none for phones', () => {
    const network = () => ['192.168.1.20', '10.0.0.5'];
    expect(listeningAddresses('0.0.0.0', network)).toEqual(['192.168.1.20', '10.0.0.5']);
    expect(listeningAddresses('::', network)).toEqual(['192.168.1.20', '10.0.0.5']);
    expect(listeningAddresses('127.0.0.1', network)).toEqual([]);
    expect(listeningAddresses('localhost', network)).toEqual([]);
    expect(listeningAddresses('::1', network)).toEqual([]);
    expect(listeningAddresses('', network)).toEqual(['192.168.1.20', '10.0.0.5']);
    expect(listeningAddresses('192.168.1.20', network)).toEqual(['192.168.1.20']);
    // An IPv6 address as an address writes it.
    expect(listeningAddresses('2001:db8::5', network)).toEqual(['[2001:db8::5]']);
    expect(new URL(`http://${listeningAddresses('2001:db8::5', network)[0]}:4321/`).port).toBe('4321');
  });

  it('is the public address when the server is told one', () => {
    expect(at('http://localhost:4321/live/', '127.0.0.1', 'https://course.example.org/x')).toBe('https://course.example.org');
  });
});

describe('a live server kept to loopback', () => {
  it('tells the console that phones cannot reach it, rather than an address where it does not answer', async () => {
    const root = mkdtempSync(join(tmpdir(), 'serve-live-'));
    writeFileSync(join(root, 'index.html'), '<title>t</title>');
    const server = startServer({ root, port: 0, host: '127.0.0.1', live: { database: join(root, 'rooms.db') } });
    await new Promise((resolve) => server.on('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const status = await fetch(`http://localhost:${port}/live/status.json`).then((r) => r.json());
      expect(status).toMatchObject({ join: `http://localhost:${port}`, reachable: false });
      // The short join address without its code opens the join page in the browser's language, which asks for the code.
      for (const [path, language, target] of [
        ['/j/', 'ru-RU,ru;q=0.9', '/ru/join/'],
        ['/j', 'en-GB', '/en/join/'],
      ] as const) {
        const response = await fetch(`http://localhost:${port}${path}`, { redirect: 'manual', headers: { 'accept-language': language } });
        expect([response.status, response.headers.get('location')], path).toEqual([302, target]);
      }
    } finally {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('content negotiation', () => {
  it('prefers Brotli, then gzip, and honours q=0 refusals', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('br;q=oops, gzip')).toBe('gzip');
  });
});

describe('the local server', () => {
  const root = mkdtempSync(join(tmpdir(), 'serve-'));
  const page = `<!doctype html><title>t</title>${'<p>Чек в почте, the check is in the mail.</p>'.repeat(200)}`;
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, '404.html'), '<title>missing</title>');

  writeFileSync(join(root, '_headers'), '/*\n  X-Rule: applied\n');
  writeFileSync(
    join(root, 'sitemap-index.xml'),
    '<sitemapindex><sitemap><loc>http://localhost:4321/sitemap-0.xml</loc></sitemap></sitemapindex>',
  );

  function get(
    path: string,
    acceptEncoding: string,
    headers = true,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    const server = startServer({ root, port: 0, host: '127.0.0.1', headers });
    return new Promise((done, fail) => {
      server.on('listening', () => {
        const { port } = server.address() as AddressInfo;
        const req = request({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            server.close();
            done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
          });
        });
        req.on('error', fail);
        req.end();
      });
    });
  }

  it('sends text compressed the way the browser asked, and the same page once decoded', async () => {
    const br = await get('/', 'gzip, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(Buffer.byteLength(page) / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(page);

    const gzip = await get('/', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(page);

    const plain = await get('/', '');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
  });

  it('applies the _headers rules, or leaves them out as a plain static host would', async () => {
    expect((await get('/', 'identity')).headers['x-rule']).toBe('applied');
    expect((await get('/', 'identity', false)).headers['x-rule']).toBeUndefined();
  });

  it('says which address the build was made for, and when that is not where it serves', () => {
    expect(builtOrigin(root)).toBe('http://localhost:4321');
    expect(builtForMessage('http://localhost:4321', 'http://localhost:4321')).toMatch(/made for http:\/\/localhost:4321: .* point here/);
    const elsewhere = builtForMessage('http://localhost:4321', 'http://localhost:8080');
    expect(elsewhere).toContain('made for http://localhost:4321, not http://localhost:8080');
    expect(elsewhere).toContain('SITE_URL=https://your.host npm run build');
  });

  it('answers a missing path with the 404 page, compressed too', async () => {
    const missing = await get('/nowhere/', 'gzip');
    expect(missing.status).toBe(404);
    expect(gunzipSync(missing.body).toString()).toBe('<title>missing</title>');
  });
});

describe('paths the server will serve', () => {
  it('stay inside the root, and a malformed escape is refused rather than crashing the server', () => {
    expect(pathInside('/srv/dist', '/en/')).toBe('/srv/dist/en/');
    expect(pathInside('/srv/dist', '/')).toBe('/srv/dist/');
    expect(pathInside('/srv/dist', '/ru/%D0%BA/')).toBe('/srv/dist/ru/к/');
    expect(pathInside('/srv/dist', '/%E0%A4%A')).toBeUndefined();
    expect(pathInside('/srv/dist', '/..%2fdist-old/secret')).toBeUndefined();
    expect(pathInside('/srv/dist', '/../etc/passwd')).toBeUndefined();
  });
});

describe('the build’s word on its address', () => {
  it('warns when it bakes in the local default, naming the command for a real host', () => {
    const local = siteAddressMessage('http://localhost:4321');
    expect(local.level).toBe('warn');
    expect(local.text).toContain('SITE_URL=https://your.host npm run build');
    // A package given to an LMS keeps its cmi5 and xAPI identifiers for good: the warning names it.
    expect(local.text).toContain('LMS packages');
    expect(siteAddressMessage('https://course.example.org')).toEqual({
      level: 'info',
      text: expect.stringMatching(/^Built for https:\/\/course\.example\.org: .*embed snippets, oEmbed, the catalogue/),
    });
  });
});
