// Runs inline in every page's head, before first paint: the theme the learner chose, else the
// system's. Minified into the page by Base.astro; the theme button's script (theme-button.ts)
// comes only with the site's chrome.
(() => {
  const root = document.documentElement;
  // Controls that need JavaScript show from the first paint, without shifting the page.
  root.classList.add('js');
  try {
    root.dataset['theme'] = localStorage.getItem(THEME_KEY) || '';
  } catch (error) {
    console.warn('Theme preference unavailable', error);
  }
})();
