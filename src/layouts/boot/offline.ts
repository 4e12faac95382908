// Runs inline on every page but the embed frames: the service worker that keeps the course
// working offline (src/offline/sw.ts). Minified into the page by Base.astro. It registers once
// the page has loaded, so its own downloads never delay the page, and asks for the rest of the
// course (the other language) only when the browser is idle.
if ('serviceWorker' in navigator)
  addEventListener('load', () =>
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => (self.requestIdleCallback ?? setTimeout)(() => registration.active?.postMessage('precache-rest')))
      .catch((error: unknown) => console.warn('Offline use is unavailable', error)),
  );
