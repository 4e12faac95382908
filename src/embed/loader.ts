// /embed/v1.js: a dependency-free script that defines <checks-scenario>. It reserves space,
// creates the iframe, keeps its height equal to the content, and re-dispatches the frame's
// events as DOM events ("checks:choice", "checks:complete", …) on the element.
import { decodeFrameMessage, embedNamespace, embedVersion } from './protocol.ts';

/**
 * The course's origin: where this script was loaded from, as a classic script or a module. A
 * module has no currentScript, so its tag is found by its address; without one there is no
 * course to frame, and each element says so rather than guess.
 */
function loaderOrigin(): string | undefined {
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => /\/embed\/v1\.js(?:[?#]|$)/.test(s.src));
  return script ? new URL(script.src).origin : undefined;
}

const origin = loaderOrigin();
/** The course's scenarios, written in when the loader is built. */
declare const SCENARIO_IDS: readonly string[];
let count = 0;

class ChecksScenario extends HTMLElement {
  #frame?: HTMLIFrameElement;
  #instance = `checks-${++count}-${Math.random().toString(36).slice(2, 8)}`;
  #listener = (event: MessageEvent) => this.#receive(event);

  connectedCallback() {
    const scenario = this.getAttribute('scenario') ?? '';
    const lang = this.getAttribute('lang') === 'ru' ? 'ru' : 'en';
    this.style.display = 'block';
    const problem = !origin
      ? 'load /embed/v1.js with a <script src> tag, so it knows which course to show.'
      : !SCENARIO_IDS.includes(scenario) &&
        `the "scenario" attribute must be one of ${SCENARIO_IDS.map((id) => `"${id}"`).join(', ')}, not "${scenario}" (see ${origin}/${lang}/embed/).`;
    if (problem) {
      // Readers keep the link the snippet put inside, if any, and the page's author finds the
      // reason in the console; with nothing inside, the reason takes its place for the author.
      if (this.querySelector('a')) console.error(`<checks-scenario>: ${problem}`);
      else this.textContent = `<checks-scenario>: ${problem}`;
      return;
    }
    const query = new URLSearchParams();
    const theme = this.getAttribute('theme');
    if (theme === 'light' || theme === 'dark') query.set('theme', theme);
    if (this.hasAttribute('undo')) query.set('undo', '1');
    if (this.hasAttribute('hide-score')) query.set('score', 'end');
    if (this.getAttribute('remember') === 'false') query.set('remember', '0');
    const frame = document.createElement('iframe');
    frame.src = `${origin}/${lang}/embed/${scenario}/${query.size ? `?${query}` : ''}`;
    frame.title = this.getAttribute('title') || scenario;
    frame.loading = 'lazy';
    // A sandboxed frame has the opaque origin "null": it still plays, but cannot keep progress.
    if (this.hasAttribute('sandbox')) frame.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
    // Reserve the starting height now, so the page does not jump when the frame loads.
    const asked = Number(this.getAttribute('height'));
    const start = asked >= 100 && asked <= 5000 ? asked : 640;
    frame.style.cssText = `display:block;width:100%;border:0;height:${start}px`;
    this.#frame = frame;
    addEventListener('message', this.#listener);
    this.replaceChildren(frame);
  }

  disconnectedCallback() {
    removeEventListener('message', this.#listener);
  }

  #receive(event: MessageEvent) {
    const frame = this.#frame;
    if (!frame || event.source !== frame.contentWindow) return;
    const sandboxed = frame.hasAttribute('sandbox') && !/allow-same-origin/.test(frame.getAttribute('sandbox') ?? '');
    if (event.origin !== origin && !(sandboxed && event.origin === 'null')) return;
    const message = decodeFrameMessage(event.data);
    if (!message || (message.type !== 'ready' && message.instance !== this.#instance)) return;
    if (message.type === 'ready') {
      frame.contentWindow!.postMessage(
        { ns: embedNamespace, v: embedVersion, type: 'init', instance: this.#instance },
        sandboxed ? '*' : event.origin,
      );
    }
    if (message.type === 'resize') frame.style.height = `${Math.ceil((message.data as { height: number }).height)}px`;
    this.dispatchEvent(new CustomEvent(`checks:${message.type}`, { detail: { ...message.data, instance: this.#instance }, bubbles: true }));
  }
}

if (!customElements.get('checks-scenario')) customElements.define('checks-scenario', ChecksScenario);
