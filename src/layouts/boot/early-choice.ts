// Runs inline in the head of pages with a scenario player (minified by Base.astro). The choices
// are on screen, rendered on the server, before the player's code has started: a choice clicked
// then is kept on <html data-early-choice="node choice">, the button marked as chosen, and the
// player makes it as soon as it starts (islands/early-choice.ts). No click is lost to loading.
addEventListener(
  'click',
  (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>('[data-choice]');
    const moment = button?.closest<HTMLElement>('[data-moment]');
    if (!button || !moment || button.closest('[data-hydrated]')) return;
    document.documentElement.dataset['earlyChoice'] = `${moment.dataset['moment']} ${button.dataset['choice']}`;
    for (const other of moment.querySelectorAll('[data-chosen]')) other.removeAttribute('data-chosen');
    button.setAttribute('data-chosen', '');
  },
  true,
);
