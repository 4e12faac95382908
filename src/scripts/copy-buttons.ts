// Copy buttons: they say whether the copy worked, and how to copy by hand when it did not.
export function enableCopyButtons(root: Document): void {
  const status = root.getElementById('copy-status');
  if (!status) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', async () => {
      // The message appears beside the button pressed, not wherever the page keeps it.
      button.after(status);
      const text = root.getElementById(button.dataset['copy'] ?? '')?.textContent ?? '';
      try {
        if (!navigator.clipboard) throw new Error('the clipboard is not available here');
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
