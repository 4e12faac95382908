// The course home: each item's state, and where to continue, also as another tab saves.
import { savedProgress } from '../stores/saved-progress.ts';
import type { Progress } from '../stores/progress-format.ts';
import { itemState, nextItem, type CourseItem } from '../stores/course-state.ts';
import { showStorageNotice } from './storage-notice.ts';

const items = [...document.querySelectorAll<HTMLElement>('[data-item]')].map((el) => ({
  el,
  kind: el.dataset['kind'] as CourseItem['kind'],
  id: el.dataset['item']!,
}));
const resume = document.getElementById('continue') as HTMLAnchorElement | null;

function show(progress: Progress): void {
  for (const item of items) {
    const state = itemState(progress, item);
    const badge = item.el.querySelector<HTMLElement>('.state')!;
    badge.textContent = badge.getAttribute(`data-${state}`) ?? '';
    badge.dataset['state'] = state;
  }
  const next = nextItem(progress, items);
  const started = items.some((i) => itemState(progress, i) !== 'not-started');
  if (!resume || !started) return;
  if (next) {
    // "Continue" for what is under way, "Next" for what has not been started.
    const link = next.el.querySelector('a')!;
    resume.href = link.href;
    resume.textContent = `${resume.dataset[itemState(progress, next) === 'in-progress' ? 'continue' : 'next']} ${link.textContent}`;
  } else {
    // Everything is done: the certificate is waiting.
    resume.href = resume.dataset['doneHref']!;
    resume.textContent = resume.dataset['done']!;
  }
}

const { value: progress, notice } = savedProgress.read();
showStorageNotice(notice);
show(progress);
savedProgress.listen(show);
