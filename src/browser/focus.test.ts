import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { focusWhenLaidOut, pendingFocus } from './focus.ts';

// The browser's part, as small as these tests need: a document that knows what has focus, elements
// that take it, and a ResizeObserver whose first reports come when the test says a frame has laid out.
const body = { name: 'body' };
const page = { activeElement: body as unknown, body };
let observers: { report: () => void; observed: unknown[] }[] = [];

class FakeResizeObserver {
  observed: unknown[] = [];
  constructor(private readonly callback: () => void) {
    observers.push(this);
  }
  observe(element: unknown) {
    this.observed.push(element);
  }
  disconnect() {
    this.observed = [];
  }
  report() {
    if (this.observed.length > 0) this.callback();
  }
}

const element = (name: string) => {
  const e = {
    name,
    isConnected: true,
    focus() {
      if (e.isConnected) page.activeElement = e;
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

  it('moves focus to the new heading in the frame that lays it out, not before', () => {
    const heading = element('heading');
    focusWhenLaidOut(asElement(heading));
    expect(page.activeElement).toBe(body);
    expect(pendingFocus()).toBe(heading);
    frame();
    expect(page.activeElement).toBe(heading);
    expect(pendingFocus()).toBeUndefined();
  });

  it('moves focus from the button that stays (Step back) as well as from the body', () => {
    const back = element('back');
    back.focus();
    const heading = element('heading');
    focusWhenLaidOut(asElement(heading));
    frame();
    expect(page.activeElement).toBe(heading);
  });

  it('leaves focus where the learner moved it before the frame came', () => {
    const heading = element('heading');
    focusWhenLaidOut(asElement(heading));
    const link = element('link');
    link.focus();
    frame();
    expect(page.activeElement).toBe(link);
  });

  it('does not focus a heading a quicker step removed before its frame, and no longer calls it pending', () => {
    const first = element('first');
    focusWhenLaidOut(asElement(first));
    first.isConnected = false;
    expect(pendingFocus()).toBeUndefined();
    const second = element('second');
    focusWhenLaidOut(asElement(second));
    frame();
    expect(page.activeElement).toBe(second);
  });

  it('focuses at once where the browser has no ResizeObserver', () => {
    Reflect.deleteProperty(globalThis, 'ResizeObserver');
    const heading = element('heading');
    focusWhenLaidOut(asElement(heading));
    expect(page.activeElement).toBe(heading);
  });
});
