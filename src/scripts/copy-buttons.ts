// Copy buttons: they say whether the copy worked. Where the browser has no clipboard for pages
// (or refuses it), the text is selected instead and the learner is told to copy it by hand. The
// words appear beside the button pressed; screen readers hear them from one live region that
// stays in place (a moved live region is often not announced). Text to copy that names the
// course's address names the one this page is opened at (embed/rehost.ts).
import { rehostSnippets } from '../embed/rehost.ts';
/** Selects an element's text, ready for Ctrl+C. */
function select(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

export function enableCopyButtons(root: Document): void {
  rehostSnippets(root);
  const status = root.getElementById('copy-status');
  if (!status) return;
  let clearing: ReturnType<typeof setTimeout> | undefined;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const note = root.createElement('span');
    note.className = 'copy-note';
    note.setAttribute('aria-hidden', 'true');
    button.after(note);
    button.addEventListener('click', async () => {
      const source = root.getElementById(button.dataset['copy'] ?? '');
      let message: string;
      try {
        // A browser with no clipboard for pages (plain http, some in-app browsers) throws a
        // TypeError here, handled below as a refusal is.
        await navigator.clipboard.writeText(source?.textContent ?? '');
        message = status.dataset['copied'] ?? '';
        button.classList.add('copied');
      } catch (error) {
        message = status.dataset['failed'] ?? '';
        if (source) select(source);
        console.warn('Copying failed:', error);
      }
      for (const other of root.querySelectorAll('.copy-note')) other.textContent = '';
      status.textContent = note.textContent = message;
      clearTimeout(clearing);
      clearing = setTimeout(() => (note.textContent = ''), 4000);
    });
  }
}
