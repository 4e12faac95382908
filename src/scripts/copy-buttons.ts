// Copy buttons for the templates: shown only when the clipboard can be used, and they say
// whether the copy worked.
export function enableCopyButtons(root: Document): void {
  const status = root.getElementById('copy-status');
  if (!navigator.clipboard || !status) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = root.getElementById(button.dataset['copy'] ?? '')?.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = status.dataset['copied'] ?? '';
        button.classList.add('copied');
      } catch (error) {
        status.textContent = status.dataset['failed'] ?? '';
        console.warn('Copying a template failed:', error);
      }
      status.classList.remove('visually-hidden');
      setTimeout(() => status.classList.add('visually-hidden'), 4000);
    });
  }
}
