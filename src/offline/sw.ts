// The service worker that keeps the course working offline after a first visit. Built by
// integrations/service-worker.ts (bundled with esbuild, the precache list injected by Workbox).
//
// - What a visit needs is cached when the worker installs: the files shared by every page and
//   the pages of the languages open in the browser. The other language is cached later, when a
//   page says it is idle (layouts/boot/offline.ts), so a first visit on a phone's connection
//   does not compete with its own precache.
// - Every form of an address a person can be sent finds its page: without the trailing slash
//   (answered with the redirect the server gives), with index.html, with any query (?ref=mail,
//   utm_*, the console's ?session=: a static page is the same whatever the query) and with a
//   #fragment (which never reaches the worker).
// - A new version waits until every tab of the course has closed (no skipWaiting), so a run in
//   progress is never swapped out; the next visit gets the update.
import { PrecacheController } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching/_types.js';
import { locales, type Locale } from '../engine/locales.ts';

// The few worker types used here, declared locally: the project is type-checked with the DOM's
// types, and TypeScript's webworker library cannot be loaded beside them.
interface WorkerEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerFetchEvent extends WorkerEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerMessageEvent extends WorkerEvent {
  readonly data: unknown;
}
declare const self: {
  readonly location: Location;
  readonly clients: { matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly { url: string }[]> };
  readonly __WB_MANIFEST: PrecacheEntry[];
  addEventListener(type: 'install' | 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: WorkerMessageEvent) => void): void;
};

type Group = 'shared' | Locale;

/** Where a precached URL belongs: a language's pages, or what every page shares. */
function groupOf(url: string): Group {
  const first = new URL(url, self.location.href).pathname.split('/')[1];
  return locales.find((l) => l === first) ?? 'shared';
}

const controllers = new Map<Group, PrecacheController>(
  (['shared', ...locales] as const).map((group) => [group, new PrecacheController({ cacheName: `course-${group}` })]),
);
for (const entry of self.__WB_MANIFEST) controllers.get(groupOf(entry.url))!.addToCacheList([entry]);

const cacheName = (group: Group) => controllers.get(group)!.strategy.cacheName;

/** Whether a group has anything cached, from this version or an earlier one. */
async function started(group: Group): Promise<boolean> {
  return (await caches.has(cacheName(group))) && (await (await caches.open(cacheName(group))).keys()).length > 0;
}

/** The languages of the course's open pages, and those an earlier version had cached. */
async function languagesInUse(): Promise<Group[]> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.map((w) => groupOf(w.url));
  const cached = await Promise.all(locales.map(async (l) => ((await started(l)) ? l : undefined)));
  return [...new Set([...open, ...cached].filter((g): g is Group => g !== undefined && g !== 'shared'))];
}

/**
 * Caches what the install left for later, one file at a time so the page keeps the connection:
 * the same requests and cache keys as Workbox's install (whose own install runs only in an
 * install event).
 */
async function precacheRest(): Promise<void> {
  for (const group of controllers.keys()) {
    const cache = await caches.open(cacheName(group));
    for (const key of controllers.get(group)!.getURLsToCacheKeys().values()) {
      if (await cache.match(key)) continue;
      const response = await fetch(new Request(key, { credentials: 'same-origin', cache: 'reload' }));
      if (response.ok) await cache.put(key, response);
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    languagesInUse().then((groups) => Promise.all(['shared' as const, ...groups].map((g) => controllers.get(g)!.install(event)))),
  );
});

self.addEventListener('activate', (event) => {
  const ours = new Set([...controllers.values()].map((c) => c.strategy.cacheName));
  event.waitUntil(
    Promise.all([
      ...[...controllers.values()].map((c) => c.activate(event)),
      // Caches of earlier versions of this worker (Workbox's default names) are no longer read.
      caches.keys().then((names) => Promise.all(names.filter((n) => !ours.has(n)).map((n) => caches.delete(n)))),
    ]),
  );
});

// A page that has finished loading asks for the rest of the course (layouts/boot/offline.ts).
self.addEventListener('message', (event) => {
  if (event.data === 'precache-rest') event.waitUntil(precacheRest());
});

/** The precached URL that answers a path, ignoring any query; undefined when none does. */
function precachedFor(path: string): { controller: PrecacheController; url: string } | undefined {
  const url = new URL(path.endsWith('/') ? `${path}index.html` : path, self.location.origin).href;
  const controller = controllers.get(groupOf(url))!;
  return controller.getCacheKeyForURL(url) ? { controller, url } : undefined;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // A page's address without its trailing slash: redirect as the server does, keeping the query.
  if (request.mode === 'navigate' && !url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) {
    if (precachedFor(`${url.pathname}/`)) event.respondWith(Response.redirect(`${url.pathname}/${url.search}`, 301));
    return;
  }
  const found = precachedFor(url.pathname);
  if (!found) return;
  // Cache first; a language not cached yet still comes from the network.
  event.respondWith(found.controller.matchPrecache(found.url).then((cached) => cached ?? fetch(request)));
});
