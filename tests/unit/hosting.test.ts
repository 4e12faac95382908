// The two hosting configurations the build ships, _headers (Cloudflare Pages, the course's own
// server) and the nginx snippet, must send the same security headers on every kind of address.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeaders } from '../../src/cli/serve.ts';

const hosting = (file: string) => readFileSync(join(import.meta.dirname, '..', '..', 'public', file), 'utf8');

interface Location {
  regex?: RegExp;
  prefix?: string;
  headers: Record<string, string>;
  proxied: boolean;
}

/**
 * The headers nginx sends for a path under the snippet, by nginx's own rules
 * (https://nginx.org/en/docs/http/ngx_http_core_module.html#location and
 * https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header): regular-expression
 * locations are tried in order and the first match wins, else the longest matching prefix; a
 * location with any add_header of its own inherits none from the level above.
 */
function nginxHeaders(conf: string, path: string): { headers: Record<string, string>; proxied: boolean } {
  const server: Record<string, string> = {};
  const locations: Location[] = [];
  let current: Location | undefined;
  for (const raw of conf.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const opened = /^location\s+(~\s+)?(\S+)\s*\{$/.exec(line);
    if (opened) {
      current = { headers: {}, proxied: false, ...(opened[1] ? { regex: new RegExp(opened[2]!) } : { prefix: opened[2]! }) };
      locations.push(current);
      continue;
    }
    if (line === '}') current = undefined;
    const header = /^add_header\s+(\S+)\s+(".*"|\S+)(\s+always)?;$/.exec(line);
    if (header) (current?.headers ?? server)[header[1]!.toLowerCase()] = header[2]!.replace(/^"|"$/g, '');
    if (current && line.startsWith('proxy_pass')) current.proxied = true;
  }
  const chosen =
    locations.find((l) => l.regex?.test(path)) ??
    locations.filter((l) => l.prefix && path.startsWith(l.prefix)).sort((a, b) => b.prefix!.length - a.prefix!.length)[0];
  const own = chosen?.headers ?? {};
  return { headers: Object.keys(own).length > 0 ? own : server, proxied: chosen?.proxied ?? false };
}

describe('the hosting configurations', () => {
  const rules = parseHeaders(hosting('_headers'));
  const conf = hosting('hosting/nginx.conf');
  const paths = [
    '/',
    '/en/',
    '/ru/scenarios/client/',
    '/en/embed/',
    '/en/embed/client/',
    '/ru/embed/contractor/',
    '/_astro/player.js',
    '/embed/v1.js',
    '/404.html',
  ];

  it.each(paths)('nginx sends %s the headers _headers gives it', (path) => {
    const nginx = nginxHeaders(conf, path);
    expect(nginx.proxied).toBe(false);
    expect(nginx.headers).toEqual(headersFor(rules, path));
  });

  it('has caches ask again before reusing the embed loader, whose address stays the same across protocol versions', () => {
    expect(headersFor(rules, '/embed/v1.js')['cache-control']).toBe('no-cache');
    expect(nginxHeaders(conf, '/embed/v1.js').headers['cache-control']).toBe('no-cache');
  });

  it('has caches ask again before reusing an embed frame, which names its player’s file by content', () => {
    for (const path of ['/en/embed/client/', '/ru/embed/contractor/']) {
      expect(headersFor(rules, path)['cache-control']).toBe('no-cache');
      expect(nginxHeaders(conf, path).headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends the live server’s addresses to the live server', () => {
    expect(nginxHeaders(conf, '/live/rooms').proxied).toBe(true);
    expect(nginxHeaders(conf, '/j/ABC234').proxied).toBe(true);
  });
});
