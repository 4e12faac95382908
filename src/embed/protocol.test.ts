import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFrameMessage, decodeInitMessage, embedOptions } from './protocol.ts';

const message = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  ns: 'checks-in-the-mail',
  v: 2,
  type,
  data,
  ...extra,
});

describe('embed messages', () => {
  it('accepts the events the frame sends, with their data', () => {
    expect(decodeFrameMessage(message('ready', {}))).toMatchObject({ type: 'ready' });
    expect(decodeFrameMessage(message('resize', { height: 812.5 }, { instance: 'a' }))).toMatchObject({
      type: 'resize',
      instance: 'a',
      data: { height: 812.5 },
    });
    expect(
      decodeFrameMessage(message('choice', { node: 'n', choice: 'c', points: { 'warn-first': -1 } }, { instance: 'a' })),
    ).toBeDefined();
    expect(
      decodeFrameMessage(
        message(
          'complete',
          { ending: 'e', tone: 'steady', grade: 'best', overall: 90, principles: [{ principle: 'p', earned: 5, counted: 4, max: 4 }] },
          { instance: 'a' },
        ),
      ),
    ).toBeDefined();
  });

  it('reads version 1’s messages whose meaning version 2 kept, as version 2’s, and not its complete event', () => {
    const v1 = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({ ...message(type, data, extra), v: 1 });
    expect(decodeFrameMessage(v1('ready', {}))).toEqual(message('ready', {}));
    expect(decodeFrameMessage(v1('resize', { height: 640 }, { instance: 'a' }))).toEqual(
      message('resize', { height: 640 }, { instance: 'a' }),
    );
    expect(decodeFrameMessage(v1('choice', { node: 'n', choice: 'c', points: {} }, { instance: 'a' }))).toMatchObject({
      v: 2,
      type: 'choice',
    });
    expect(decodeInitMessage({ ns: 'checks-in-the-mail', v: 1, type: 'init', instance: 'a' })).toEqual({
      ns: 'checks-in-the-mail',
      v: 2,
      type: 'init',
      instance: 'a',
    });
    const complete = {
      ending: 'e',
      tone: 'steady',
      grade: 'best',
      overall: 90,
      principles: [{ principle: 'p', earned: 4, counted: 4, max: 4 }],
    };
    expect(decodeFrameMessage(message('complete', complete, { instance: 'a' }))).toBeDefined();
    expect(decodeFrameMessage(v1('complete', complete, { instance: 'a' }))).toBeUndefined();
  });

  it('ignores other namespaces, versions, types and malformed data', () => {
    expect(decodeFrameMessage({ ...message('ready', {}), ns: 'other' })).toBeUndefined();
    expect(decodeFrameMessage({ ...message('ready', {}), v: 3 })).toBeUndefined();
    expect(decodeFrameMessage(message('toString', {}))).toBeUndefined();
    expect(decodeFrameMessage(message('resize', { height: -1 }))).toBeUndefined();
    expect(
      decodeFrameMessage(message('complete', { ending: 'e', tone: 'steady', grade: 'best', overall: 101, principles: [] })),
    ).toBeUndefined();
    expect(decodeInitMessage({ ns: 'checks-in-the-mail', v: 2, type: 'init' })).toBeUndefined();
  });

  it('take from version 2 on a complete event the ending’s tone, the learner’s grade, and each principle’s counted points within its reference', () => {
    const complete = (data: Record<string, unknown>) =>
      decodeFrameMessage(
        message('complete', { ending: 'e', tone: 'steady', grade: 'mixed', overall: 50, principles: [], ...data }, { instance: 'a' }),
      );
    expect(complete({})).toBeDefined();
    // A version 1 complete event, without the tone, or with the ending's grade word in its place.
    expect(complete({ tone: undefined })).toBeUndefined();
    expect(complete({ grade: 'steady' })).toBeUndefined();
    expect(complete({ principles: [{ principle: 'p', earned: 3, max: 4 }] })).toBeUndefined();
    expect(complete({ principles: [{ principle: 'p', earned: 5, counted: 5, max: 4 }] })).toBeUndefined();
    expect(complete({ principles: [{ principle: 'p', earned: -2, counted: 0, max: 4 }] })).toBeDefined();
  });

  it('the decoders never throw, and accept only well-formed messages', () => {
    const types = fc.constantFrom('ready', 'settings', 'resize', 'choice', 'undo', 'restart', 'complete', 'init', 'other');
    const candidate = fc.oneof(
      fc.anything(),
      fc.record({
        ns: fc.constantFrom('checks-in-the-mail', 'x'),
        v: fc.constantFrom(1, 2, 3),
        type: types,
        instance: fc.option(fc.string(), { nil: undefined }),
        data: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        const frame = decodeFrameMessage(value);
        if (frame) expect(decodeFrameMessage(JSON.parse(JSON.stringify(frame)))).toEqual(frame);
        const init = decodeInitMessage(value);
        if (init) expect(init.instance.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('embed options from the query string', () => {
  it('reads the documented options and falls back to the defaults for anything else', () => {
    expect(embedOptions('')).toEqual({ theme: 'auto', hideScore: false, remember: true, undo: false });
    expect(embedOptions('?theme=dark&score=end&remember=0&undo=1')).toEqual({
      theme: 'dark',
      hideScore: true,
      remember: false,
      undo: true,
    });
    expect(embedOptions('?theme=<script>&undo=maybe&remember=%00')).toEqual({
      theme: 'auto',
      hideScore: false,
      remember: true,
      undo: false,
    });
  });
});
