// Runs inline in the head of pages with a scenario player (minified by Base.astro). The choices
// are on screen, rendered on the server, before the player's code has started. A choice clicked
// then is kept on <html data-early-choice="node choice"> and the player makes it as soon as it
// starts (islands/early-choice.ts); where the page carries the consequence of that choice
// rendered ahead (<template data-early-view="choice">), it is shown at once in the player's
// place, and its Continue is kept too (data-early-continue). No click is lost to loading, and the
// first one answers before any script has arrived.
addEventListener(
  'click',
  (event) => {
    const target = (event.target as Element | null)?.closest?.<HTMLElement>('[data-choice], [data-continue]');
    if (!target || target.closest('[data-hydrated]')) return;
    const root = document.documentElement;
    if (target.dataset['continue'] !== undefined) {
      if (target.closest('[data-early-view]')) root.dataset['earlyContinue'] = '';
      target.setAttribute('data-chosen', '');
      return;
    }
    const moment = target.closest<HTMLElement>('[data-moment]');
    const island = target.closest<HTMLElement>('[data-island]');
    if (!moment || !island) return;
    const choice = target.dataset['choice']!;
    root.dataset['earlyChoice'] = `${moment.dataset['moment']} ${choice}`;
    const ahead = island.parentElement?.querySelector<HTMLTemplateElement>(`template[data-early-view="${CSS.escape(choice)}"]`);
    if (!ahead) {
      target.setAttribute('data-chosen', '');
      return;
    }
    const view = document.createElement('div');
    view.dataset['earlyView'] = '';
    view.append(ahead.content.cloneNode(true));
    island.hidden = true;
    island.after(view);
    view.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  },
  true,
);
