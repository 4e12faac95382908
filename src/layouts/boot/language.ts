// Runs inline in the head of the language chooser (pages/index.astro), before first paint: a
// Russian-language browser is sent to /ru/, unless the visitor chose a language here in this tab.
// Where the tab's storage is blocked the choice cannot be remembered: no redirect then, so a
// visitor who chose English is never sent back to Russian.
(() => {
  try {
    if (/^ru\b/i.test(navigator.language || '') && !sessionStorage.getItem(CHOSE_LANGUAGE_KEY)) location.replace('/ru/');
  } catch (error) {
    console.warn('The language choice cannot be remembered in this browser', error);
  }
  // A language chosen: one of the chooser's links (data-locale) followed.
  addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-locale]')) return;
    try {
      sessionStorage.setItem(CHOSE_LANGUAGE_KEY, '1');
    } catch (error) {
      console.warn('The language choice cannot be remembered in this browser', error);
    }
  });
})();
