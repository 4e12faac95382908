// Runs inline on every page but the embed frames: the service worker that keeps the course
// working offline (src/offline/sw.ts). Minified into the page by Base.astro. It registers once
// the page has loaded, so its own downloads never delay the page, and asks for the rest of the
// course (the other language) only when the browser is idle. Some browsers lack service
// workers, and some throw on the very asking (private modes): the page then works online only.
addEventListener('load', () => {
  try {
    const workers = navigator.serviceWorker;
    if (!workers) return;
    workers
      .register('/sw.js')
      .then(() => workers.ready)
      .then((registration) => (self.requestIdleCallback ?? setTimeout)(() => registration.active?.postMessage('precache-rest')))
      .catch((error: unknown) => console.warn('Offline use is unavailable', error));
  } catch (error) {
    console.warn('Offline use is unavailable', error);
  }
});
