import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { focusWhenLaidOut } from './focus.ts';

// The browser's part, as small as these tests need: a document that knows what has focus, elements
// that take it, and a ResizeObserver whose first reports come when the test says a frame has laid out.
const body = { name: 'body' };
const page = { activeElement: body as unknown, body };
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

/** A heading in its view; `atTop` says whether the view was scrolled to the top of the screen (scrollIntoView's default). */
const element = (name: string) => {
  const view = {
    atTop: false,
    scrollIntoView() {
      view.atTop = true;
    },
  };
  const e = {
    name,
    isConnected: true,
    view,
    get atTop() {
      return view.atTop;
    },
    /** Scrolled to itself, not to its view. */
    ownScroll: false,
    focus() {
      if (e.isConnected) page.activeElement = e;
    },
    scrollIntoView() {
      e.ownScroll = true;
    },
    get parentElement() {
      return e.isConnected ? view : null;
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
    Object.assign(globalThis, { document: page, ResizeObserver: FakeResizeObserver });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'document');
    Reflect.deleteProperty(globalThis, 'ResizeObserver');
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

  it('opens the heading’s whole view at the top (a decision’s step number, an ending’s grade above it), not the heading alone', () => {
    const heading = element('heading');
    focusWhenLaidOut(asElement(heading));
    frame();
    expect(page.activeElement).toBe(heading);
    expect(heading.atTop).toBe(true);
    expect(heading.ownScroll).toBe(false);
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
