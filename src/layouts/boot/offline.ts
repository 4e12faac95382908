// Runs inline on every page but the embed frames: the service worker that keeps the course
// working offline (see integrations/service-worker.ts). Minified into the page by Base.astro.
// Some browsers lack service workers, and some throw on the very asking (private modes): the
// page then works online only.
try {
  if (navigator.serviceWorker)
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('Offline use is unavailable', error));
} catch (error) {
  console.warn('Offline use is unavailable in this browser', error);
}
