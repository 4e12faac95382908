import type { StorageNotice as Notice } from '../stores/persisted.ts';
import type { Translate } from '../i18n/messages.ts';

/**
 * Tells the learner, once, that saved progress had to be reset or cannot be saved here: the
 * value of `$storageNotice` (stores/progress.ts), read by the island that shows it.
 */
export default function StorageNotice({ notice, t }: { notice: Notice; t: Translate }) {
  if (!notice) return null;
  return (
    <p class="storage-notice" role="status">
      {t(`storage.${notice}`)}
    </p>
  );
}
