import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkOrigin, probeLiveServer } from './availability.ts';

/** Makes `fetch('/live/status.json')` answer with this JSON body, as the live server (or whatever stands in its place) would. */
const answer = (body: unknown, type = 'application/json') =>
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { headers: { 'content-type': type } }));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the network address a projector screen offers phones', () => {
  it('is the origin of the address the live server reports as reachable', async () => {
    answer({ v: 1, reachable: true, join: 'http://192.168.1.20:4321/j/' });
    expect(await networkOrigin()).toBe('http://192.168.1.20:4321');
  });

  it('is none when the server knows no reachable address, or answers with something that is not a web address', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const body of [
      { v: 1, reachable: false, join: 'http://192.168.1.20:4321' },
      { v: 1, reachable: true, join: 'foo' },
      { v: 1, reachable: true, join: 'javascript:alert(1)' },
      { v: 1, reachable: true, join: 42 },
      { v: 2, reachable: true, join: 'http://192.168.1.20:4321' },
    ]) {
      answer(body);
      expect(await networkOrigin()).toBeUndefined();
    }
    answer({ v: 1, reachable: true, join: 'http://192.168.1.20:4321' }, 'text/html');
    expect(await networkOrigin()).toBeUndefined();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await networkOrigin()).toBeUndefined();
  });
});

describe('a site served without the live server', () => {
  it('answers the question with the build’s own file, read as no live server, and logs nothing', async () => {
    const asked: string[] = [];
    const file = readFileSync('public/live/status.json', 'utf8');
    vi.stubGlobal('EventSource', class {});
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return new Response(file, { headers: { 'content-type': 'application/json' } });
    });
    const warn = vi.spyOn(console, 'warn');
    expect(await probeLiveServer()).toBe('static');
    expect(await networkOrigin()).toBeUndefined();
    expect(asked).toEqual(['/live/status.json', '/live/status.json']);
    expect(warn).not.toHaveBeenCalled();
  });
});
