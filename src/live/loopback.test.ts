import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackUrl } from './loopback.ts';

describe('addresses no phone can reach', () => {
  it('are localhost, 127.x.x.x and [::1], and nothing else', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['192.168.1.20', 'course.example.org', 'localhost.example.org', '127.example.org'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('are read from whole addresses, and anything that is not one is not loopback', () => {
    expect(isLoopbackUrl('http://localhost:4321/j/ABC')).toBe(true);
    expect(isLoopbackUrl('https://[::1]/')).toBe(true);
    expect(isLoopbackUrl('http://192.168.1.20:4321/')).toBe(false);
    expect(isLoopbackUrl('not an address')).toBe(false);
  });
});
