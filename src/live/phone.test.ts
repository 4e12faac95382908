import { describe, expect, it } from 'vitest';
import { voteKept } from './phone.ts';

describe('what a reconnecting phone says of its vote', () => {
  it('says it is kept only when there is one and no later tap failed', () => {
    expect(voteKept({ link: 'reconnecting', mine: 'remind' })).toBe(true);
    expect(voteKept({ link: 'reconnecting', mine: 'remind', tapped: { choice: 'remind', outcome: 'received' } })).toBe(true);
    // A tap while the connection was down failed: the phone asks for it again, and says nothing is kept.
    expect(voteKept({ link: 'reconnecting', mine: 'remind', tapped: { choice: 'wait', outcome: 'failed' } })).toBe(false);
    expect(voteKept({ link: 'reconnecting' })).toBe(false);
    expect(voteKept({ link: 'live', mine: 'remind' })).toBe(false);
  });
});
