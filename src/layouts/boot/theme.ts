// Runs inline in every page's head, before first paint: the theme the learner chose, else the
// system's; then the theme button. Minified into the page by Base.astro.
(() => {
  const root = document.documentElement;
  // Controls that need JavaScript show from the first paint, without shifting the page.
  root.classList.add('js');
  const key = 'checks-in-the-mail/theme';
  try {
    root.dataset['theme'] = localStorage.getItem(key) || '';
  } catch (error) {
    console.warn('Theme preference unavailable', error);
  }
  const dark = () => (root.dataset['theme'] || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';
  addEventListener('DOMContentLoaded', () => {
    const button = document.getElementById('theme-toggle');
    if (!button) return;
    const show = () => button.setAttribute('aria-pressed', String(dark()));
    show();
    button.onclick = () => {
      const theme = dark() ? 'light' : 'dark';
      root.dataset['theme'] = theme;
      try {
        localStorage.setItem(key, theme);
      } catch (error) {
        console.warn('Theme preference not saved', error);
      }
      show();
    };
  });
})();
