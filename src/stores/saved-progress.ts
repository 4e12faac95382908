// Saved progress, kept the one way values are kept in this browser (persisted.ts): read and
// decoded, changed and written back, heard from other tabs. The reading pages (home, lessons) use
// it alone, without a store library or the engine, which keeps them within their 3 KB; progress.ts
// builds the store the islands share on it.
import { persisted } from './persisted.ts';
import { progressFormat } from './progress-format.ts';
import { progressKey } from '../browser/storage-keys.ts';

export type { StorageNotice } from './persisted.ts';

/** The learner's progress as saved in this browser (see Persisted: read, update, listen). */
export const savedProgress = /* @__PURE__ */ persisted(progressKey, progressFormat);
