// Runs inline in the head of pages with a scenario player (minified by Base.astro). The choices
// are on screen, rendered on the server, before the player's code has started. A choice clicked
// then is kept on <html data-early-choice="node choice"> for the player to make as soon as it
// starts (scripts/early-choice.ts), and its consequence, rendered with the page
// (<template data-early-view="choice" data-moment="node">), is shown at once in the player's place; a Continue
// pressed there is kept too (data-early-continue). No click is lost to loading, and the first one
// answers before any script has arrived.
addEventListener(
  'click',
  (event) => {
    const target = (event.target as Element | null)?.closest?.<HTMLElement>('[data-choice],[data-continue]');
    if (!target || target.closest('[data-hydrated]')) return;
    const root = document.documentElement;
    if (target.closest('[data-early-view]')) {
      root.dataset['earlyContinue'] = '';
      target.setAttribute('data-chosen', '');
      return;
    }
    const island = target.closest<HTMLElement>('[data-island]');
    const choice = target.dataset['choice'];
    const ahead = island?.parentElement?.querySelector<HTMLTemplateElement>(`template[data-early-view="${choice}"]`);
    if (!island || !ahead) return;
    root.dataset['earlyChoice'] = `${ahead.dataset['moment']} ${choice}`;
    const view = document.createElement('div');
    view.dataset['earlyView'] = '';
    view.append(ahead.content.cloneNode(true));
    island.hidden = true;
    island.after(view);
    // Focus goes to the consequence's heading (its one h3) once the frame has laid the view out,
    // as the live player's does (browser/focus.ts, which this inline script cannot import), so no
    // layout is forced. Kept this short for the embedders' page, which counts the frame's inline
    // scripts: the observer is left on, so a view that changes size before the player takes over
    // (a phone turned) has focus put on its heading again.
    new ResizeObserver(() => view.querySelector('h3')?.focus()).observe(view);
  },
  true,
);
