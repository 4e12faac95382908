// The console's live-voting panel, loaded when the facilitator switches live voting on: this
// module's name gives its chunk the on-click- name that `npm run measure` counts apart.
import { h, render } from 'preact';
import LivePanel from '../components/LivePanel.tsx';
import { translator, type Message } from '../i18n/messages.ts';
import type { Locale } from '../engine/locales.ts';
import type { ConsoleLink } from '../stores/console-link.ts';
import { screenPath } from '../workshop/addresses.ts';

/**
 * Renders the panel into the page's live-voting section, with the strings and addresses the page
 * put there; `refocus` takes focus when the panel's start or stop button goes.
 */
export function mountLivePanel(section: HTMLElement, { workshop, screen }: ConsoleLink, start: boolean, refocus: () => void): void {
  // The page's language, which Base.astro sets from the page's locale.
  const locale = document.documentElement.lang as Locale;
  const body = section.querySelector<HTMLElement>('[data-live-panel]');
  if (!body) return;
  const t = translator(locale, JSON.parse(body.dataset['livePanel'] ?? '{}') as Record<string, Message>);
  const scenario = workshop.$session.get().scenario;
  render(h(LivePanel, { workshop, screen, t, scenario, locale, screenPath: screenPath(locale, scenario), start, refocus }), body);
}
