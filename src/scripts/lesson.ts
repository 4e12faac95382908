// A lesson page: counts as read at its end, gives instant feedback in the knowledge check, and
// keeps reflections, all in saved progress, following what other tabs save.
// Plain functions over saved progress, no store: a lesson is a reading page, within 3 KB.
import { savedProgress, type StorageNotice } from '../stores/saved-progress.ts';
import { answerQuestion, markLessonRead } from '../stores/lessons.ts';
import { saveReflection } from '../stores/reflections.ts';
import { showStorageNotice } from './storage-notice.ts';

const { value: progress, notice } = savedProgress.read();
showStorageNotice(notice);
// Saving can stop working part-way through a visit (a full disk): the learner hears of it then.
const tell = (saved: StorageNotice) => saved && showStorageNotice(saved);
const article = document.querySelector<HTMLElement>('[data-lesson]');
const slug = article?.dataset['lesson'];

if (article && slug) {
  const saved = progress.lessons[slug];
  const end = article.querySelector('[data-lesson-end]');
  if (end && !saved?.read) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        tell(markLessonRead(slug));
        observer.disconnect();
      }
    });
    observer.observe(end);
  }

  for (const fieldset of article.querySelectorAll<HTMLFieldSetElement>('[data-question]')) {
    const question = Number(fieldset.dataset['question']);
    // The checked option's feedback shows by CSS; a screen reader hears it from here.
    const show = (input: HTMLInputElement) => {
      const announce = fieldset.querySelector('[data-announce]');
      const feedback = input.closest('li')?.querySelector('[data-feedback]');
      if (announce && feedback) announce.textContent = feedback.textContent;
    };
    const inputs = [...fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    // The saved answer, now and whenever another tab answers.
    const follow = (answer: number | undefined) => {
      const chosen = inputs[answer ?? -1];
      if (!chosen || chosen.checked) return;
      chosen.checked = true;
      show(chosen);
    };
    follow(saved?.answers?.[question]);
    savedProgress.listen((p) => follow(p.lessons[slug]?.answers?.[question]));
    for (const input of inputs) {
      input.addEventListener('change', () => {
        show(input);
        tell(answerQuestion(slug, question, Number(input.value)));
      });
    }
  }

  for (const box of article.querySelectorAll<HTMLTextAreaElement>('[data-reflection]')) {
    const prompt = Number(box.dataset['reflection']!.split('/')[1]);
    const note = box.parentElement?.querySelector<HTMLElement>('.reflection-note');
    // The text this tab last knew as saved: what it types over, and what tells its own edits apart.
    let base = saved?.reflections?.[prompt] ?? '';
    box.value = base;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      clearTimeout(timer);
      if (box.value === base) return;
      const kept = saveReflection(slug, prompt, box.value, base);
      base = kept.text;
      tell(kept.notice);
      if (!kept.merged) return;
      box.value = kept.text;
      if (note) note.textContent = note.dataset['merged'] ?? '';
    };
    // Another tab's save shows here at once, unless this tab has unsaved typing: that is merged on saving.
    savedProgress.listen((p) => {
      const theirs = p.lessons[slug]?.reflections?.[prompt] ?? '';
      if (theirs === base || box.value !== base) return;
      box.value = base = theirs;
    });
    box.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    });
    box.addEventListener('blur', save);
  }
}
