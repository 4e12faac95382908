// An embedded scenario's run, kept in this browser under its own key (apart from the course's
// progress: an embed belongs to another site's page), shared with other tabs like the course's.
import { decodeStoredRun, type StoredRun } from '../engine/stored-run.ts';
import { readItem, writeItem } from './storage.ts';
import { sameRun, type RunStore } from './synced-player.ts';

export const embedRunKey = (scenario: string) => `checks-in-the-mail/embed/${scenario}`;

/**
 * The run store of an embedded scenario. `remember` says whether the embed may keep the run (its
 * remember option); when it may not, nothing is read or written and other tabs are not followed.
 */
export function embedRunStore(scenario: string, remember: () => boolean): RunStore {
  const key = embedRunKey(scenario);
  const read = (): StoredRun | undefined => {
    const raw = remember() ? readItem(key) : null;
    if (raw === null) return undefined;
    try {
      return decodeStoredRun(JSON.parse(raw));
    } catch (error) {
      console.warn('The saved run of this embedded scenario was unreadable; starting afresh.', error);
      return undefined;
    }
  };
  return {
    read,
    write(run, from) {
      if (!remember()) return true;
      if (!sameRun(read(), from)) return false;
      writeItem(key, JSON.stringify(run));
      return true;
    },
    listen(changed) {
      const heard = (event: StorageEvent) => {
        if (event.key === key && remember()) changed();
      };
      addEventListener('storage', heard);
      return () => removeEventListener('storage', heard);
    },
  };
}
