// A lesson page: counts as read at its end, gives instant feedback in the knowledge check, and
// keeps reflections, all in saved progress.
import { $progress, answerQuestion, markLessonRead, saveReflection, startProgress } from '../stores/progress.ts';
import { showStorageNotice } from './storage-notice.ts';

startProgress();
showStorageNotice();
const article = document.querySelector<HTMLElement>('[data-lesson]');
const slug = article?.dataset['lesson'];

if (article && slug) {
  const saved = $progress.get().lessons[slug];
  const end = article.querySelector('[data-lesson-end]');
  if (end) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        markLessonRead(slug);
        observer.disconnect();
      }
    });
    observer.observe(end);
  }

  for (const fieldset of article.querySelectorAll<HTMLFieldSetElement>('[data-question]')) {
    const question = Number(fieldset.dataset['question']);
    const show = (input: HTMLInputElement) => {
      for (const fb of fieldset.querySelectorAll<HTMLElement>('[data-feedback]')) fb.hidden = true;
      const feedback = input.closest('li')?.querySelector<HTMLElement>('[data-feedback]');
      if (feedback) feedback.hidden = false;
      const announce = fieldset.querySelector('[data-announce]');
      if (announce && feedback) announce.textContent = feedback.textContent;
    };
    const inputs = [...fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    const chosen = inputs[saved?.answers?.[question] ?? -1];
    if (chosen) {
      chosen.checked = true;
      show(chosen);
    }
    for (const input of inputs) {
      input.addEventListener('change', () => {
        show(input);
        answerQuestion(slug, question, Number(input.value));
      });
    }
  }

  for (const box of article.querySelectorAll<HTMLTextAreaElement>('[data-reflection]')) {
    const prompt = Number(box.dataset['reflection']!.split('/')[1]);
    box.value = saved?.reflections?.[prompt] ?? '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    box.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => saveReflection(slug, prompt, box.value), 400);
    });
    box.addEventListener('blur', () => saveReflection(slug, prompt, box.value));
  }
}
