import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { focusWhenLaidOut } from './focus.ts';

// The browser's part, as small as these tests need: a document that knows what has focus, elements
// that take it, and a ResizeObserver whose first reports come when the test says a frame has laid out.
const body = { name: 'body' };
const page = { activeElement: body as unknown, body };
/** Where the page is scrolled; a fake element out of sight (`inSight` false) makes focus() scroll it. */
let scrolled = 0;
let observers: { report: () => void; observed: unknown[] }[] = [];

class FakeResizeObserver {
  observed: unknown[] = [];
  constructor(private readonly callback: (entries: unknown[], observer: FakeResizeObserver) => void) {
    observers.push(this);
  }
  observe(element: unknown) {
    this.observed.push(element);
  }
  disconnect() {
    this.observed = [];
  }
  report() {
    if (this.observed.length > 0) this.callback([], this);
  }
}

const element = (name: string) => {
  const e = {
    name,
    isConnected: true,
    inSight: false,
    /** Whether it was scrolled to the top of the screen (scrollIntoView's default, block "start"). */
    atTop: false,
    focus() {
      if (!e.isConnected) return;
      page.activeElement = e;
      if (!e.inSight) scrolled += 300;
    },
    scrollIntoView() {
      if (e.isConnected) e.atTop = true;
    },
    /** Its view, which opens at the top of the screen with it. */
    get parentElement() {
      return { scrollIntoView: () => e.scrollIntoView() };
    },
  };
  return e;
};
const asElement = (e: ReturnType<typeof element>) => e as unknown as HTMLElement;
/** The frame after the DOM changed: its layout done, the observers report. */
const frame = () => {
  for (const o of observers) o.report();
};

describe('focusWhenLaidOut', () => {
  beforeEach(() => {
    observers = [];
    page.activeElement = body;
    scrolled = 0;
    Object.assign(globalThis, { document: page, ResizeObserver: FakeResizeObserver });
    Object.defineProperty(globalThis, 'scrollY', { configurable: true, get: () => scrolled });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'document');
    Reflect.deleteProperty(globalThis, 'ResizeObserver');
    Reflect.deleteProperty(globalThis, 'scrollY');
  });

  it('moves focus to the new heading in the frame that lays it out, not before, and opens the view at it', () => {
    const heading = element('heading');
    focusWhenLaidOut(asElement(heading));
    expect(page.activeElement).toBe(body);
    expect(heading.atTop).toBe(false);
    frame();
    expect(page.activeElement).toBe(heading);
    // At the top of the screen, as a new page opens, not where focus() alone would scroll it.
    expect(heading.atTop).toBe(true);
  });

  it('opens at the top even a new heading that focus() would leave where it is, in sight', () => {
    const heading = element('heading');
    heading.inSight = true;
    focusWhenLaidOut(asElement(heading));
    frame();
    expect(page.activeElement).toBe(heading);
    expect(heading.atTop).toBe(true);
  });

  it('leaves focus on an element that holds it when the step is made', () => {
    const back = element('back');
    back.focus();
    const heading = element('heading');
    focusWhenLaidOut(asElement(heading));
    frame();
    expect(page.activeElement).toBe(back);
    expect(heading.atTop).toBe(false);
  });

  it('leaves focus where the learner moved it before the frame came', () => {
    const heading = element('heading');
    focusWhenLaidOut(asElement(heading));
    const link = element('link');
    link.focus();
    frame();
    expect(page.activeElement).toBe(link);
  });

  it('does not focus a heading a quicker step removed before its frame', () => {
    const first = element('first');
    focusWhenLaidOut(asElement(first));
    first.isConnected = false;
    const second = element('second');
    focusWhenLaidOut(asElement(second));
    frame();
    expect(page.activeElement).toBe(second);
  });
});
