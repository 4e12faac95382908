// @astrojs/preact's client renderer lazily imports @preact/signals for islands whose props are
// signals. No island here takes a signal prop (state lives in nanostores), so the 3 KB chunk
// would never run; this module takes its place and says so loudly if that ever changes.
export function signal(): never {
  throw new Error('Island props must not be @preact/signals signals in this project: pass plain data and use nanostores.');
}
