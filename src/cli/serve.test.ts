import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeaders } from './serve.ts';

const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));

describe('the shipped _headers rules', () => {
  it('let any site frame an embed frame, and only the course frame every other page', () => {
    expect(headersFor(rules, '/ru/embed/client/')['content-security-policy']).toBe('frame-ancestors *');
    expect(headersFor(rules, '/en/scenarios/client/')['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(headersFor(rules, '/en/embed/')['content-security-policy']).toBe("frame-ancestors 'self'");
  });

  it('serve scripts to sandboxed frames with CORS', () => {
    expect(headersFor(rules, '/_astro/preact.abc.js')['access-control-allow-origin']).toBe('*');
    expect(headersFor(rules, '/embed/v1.js')['access-control-allow-origin']).toBe('*');
    expect(headersFor(rules, '/en/')['access-control-allow-origin']).toBeUndefined();
  });
});
