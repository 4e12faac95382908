import { describe, expect, it } from 'vitest';
import { rehost } from './rehost.ts';

describe('snippets given out at the address the page runs at', () => {
  const snippet =
    '<script src="http://localhost:4321/embed/v1.js" defer></script>\n<checks-scenario scenario="client" lang="en"><a href="http://localhost:4321/en/scenarios/client/">Client</a></checks-scenario>';

  it('replaces every occurrence of the built address with the real one', () => {
    expect(rehost(snippet, 'http://localhost:4321', 'https://course.example.org')).toBe(
      '<script src="https://course.example.org/embed/v1.js" defer></script>\n<checks-scenario scenario="client" lang="en"><a href="https://course.example.org/en/scenarios/client/">Client</a></checks-scenario>',
    );
  });

  it('leaves the text alone where the page runs at the built address', () => {
    expect(rehost(snippet, 'http://localhost:4321', 'http://localhost:4321')).toBe(snippet);
  });
});
