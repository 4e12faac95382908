import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isLoopbackHost, isLoopbackUrl } from './loopback.ts';

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

  it('are told from a connection’s remote address, IPv4, IPv6 and IPv4 mapped into IPv6', () => {
    for (const address of ['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['192.168.1.20', '::ffff:192.168.1.20', 'fe80::1', '10.127.0.1', ''])
      expect(isLoopbackAddress(address)).toBe(false);
  });
});
