// Runs inline on every page but the embed frames: the service worker that keeps the course
// working offline (see integrations/service-worker.ts). Minified into the page by Base.astro.
if ('serviceWorker' in navigator)
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('Offline use is unavailable', error));
