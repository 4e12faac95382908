// Runs inline in the head of pages with the site's chrome, after theme.ts: the theme button, which
// switches between light and dark and remembers the choice. Pages without the chrome (embed
// frames, the projector screen) have no button and go without this script.
(() => {
  const root = document.documentElement;
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
        localStorage.setItem(THEME_KEY, theme);
      } catch (error) {
        console.warn('Theme preference not saved', error);
      }
      show();
    };
  });
})();
