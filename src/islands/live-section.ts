// The console page's live-voting section, beside the console's island: a Start button that loads
// the live-voting panel (which asks for the live server and says why live voting is off, if it
// is), and that panel at once for a session that already had a room. Nothing of live voting is
// loaded before that.
import { $consoleLink } from '../stores/console-link.ts';

export function startLiveSection(): void {
  const section = document.getElementById('live');
  const start = document.getElementById('live-start');
  if (!section || !start) return;
  const load = (begin: boolean) => {
    const link = $consoleLink.get();
    if (!link) return;
    // The button goes, and focus with it: the section's heading keeps it, above what the panel
    // says, here and when the panel's own buttons go.
    const refocus = () => section.querySelector('h2')?.focus();
    if (document.activeElement === start) refocus();
    start.hidden = true;
    import('./on-click-live-panel.ts').then(
      (panel) => panel.mountLivePanel(section, link, begin, refocus),
      (error: unknown) => {
        console.warn('Live voting could not load', error);
        start.hidden = false;
        start.insertAdjacentText('beforebegin', section.dataset['unreachable'] ?? '');
      },
    );
  };
  start.addEventListener('click', () => load(true));
  // A session that had live voting (it counts phones) resumes its room once the console runs.
  const stop = $consoleLink.subscribe((link) => {
    if (!link) return;
    queueMicrotask(() => stop());
    if (link.workshop.$session.get().phones) load(false);
  });
}
