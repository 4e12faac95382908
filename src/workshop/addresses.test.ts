import { describe, expect, it } from 'vitest';
import { consolePath, screenPath, sessionsPath } from './addresses.ts';

describe('the facilitator’s pages’ addresses', () => {
  it('are the landing page, a scenario’s console (resuming a session when named) and its projector screen', () => {
    expect(sessionsPath('ru')).toBe('/ru/facilitate/');
    expect(consolePath('en', 'contractor')).toBe('/en/facilitate/contractor/');
    expect(consolePath('en', 'contractor', 'k3x9')).toBe('/en/facilitate/contractor/?session=k3x9');
    expect(screenPath('en', 'client')).toBe('/en/facilitate/client/screen/');
  });
});
