// Copy buttons: they say whether the copy worked, and how to copy by hand when it did not. The
// words appear beside the button pressed; screen readers hear them from one live region that
// stays in place (a moved live region is often not announced).
export function enableCopyButtons(root: Document): void {
  const status = root.getElementById('copy-status');
  if (!status) return;
  let clearing: ReturnType<typeof setTimeout> | undefined;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const note = root.createElement('span');
    note.className = 'copy-note';
    note.setAttribute('aria-hidden', 'true');
    button.after(note);
    button.addEventListener('click', async () => {
      const text = root.getElementById(button.dataset['copy'] ?? '')?.textContent ?? '';
      let message: string;
      try {
        if (!navigator.clipboard) throw new Error('the clipboard is not available here');
        await navigator.clipboard.writeText(text);
        message = status.dataset['copied'] ?? '';
        button.classList.add('copied');
      } catch (error) {
        message = status.dataset['failed'] ?? '';
        console.warn('Copying a template failed:', error);
      }
      for (const other of root.querySelectorAll('.copy-note')) other.textContent = '';
      status.textContent = note.textContent = message;
      clearTimeout(clearing);
      clearing = setTimeout(() => (note.textContent = ''), 4000);
    });
  }
}
