import { useStore } from './use-store.ts';
import { $storageNotice } from '../stores/progress.ts';
import type { Translate } from '../i18n/messages.ts';

/** Tells the learner, once, that saved progress had to be reset or cannot be saved here. */
export default function StorageNotice({ t }: { t: Translate }) {
  const notice = useStore($storageNotice);
  if (!notice) return null;
  return (
    <p class="storage-notice" role="status">
      {t(`storage.${notice}`)}
    </p>
  );
}
