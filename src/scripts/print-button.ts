/**
 * Makes a print button print; where the browser cannot print from the page (some embedded and
 * locked-down browsers have no window.print), the button gives way to a sentence saying so,
 * taken from its data-unavailable attribute.
 */
export function enablePrintButton(button: HTMLElement | null): void {
  if (!button) return;
  if (typeof print === 'function') {
    button.addEventListener('click', () => print());
    return;
  }
  const note = document.createElement('p');
  note.className = 'muted';
  note.textContent = button.dataset['unavailable'] ?? '';
  button.replaceWith(note);
}
