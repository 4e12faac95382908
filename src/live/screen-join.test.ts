import { describe, expect, it } from 'vitest';
import { bareAddress, screenJoin } from './screen-join.ts';

const course = 'https://course.example.org/en/';

describe('what the projector screen offers the room to scan', () => {
  it("is the live room's join address whenever there is one", () => {
    const join = 'http://192.168.1.20:4321/en/join/?code=ABCD';
    expect(screenJoin(join, undefined, course)).toEqual({ target: join, address: join, unreachable: false });
    expect(screenJoin(join, 'http://localhost:4321/en/', course)).toEqual({ target: join, address: join, unreachable: false });
  });

  it('is the course as built, with the code made at build time, until the page knows its address or when it is the same', () => {
    expect(screenJoin(undefined, undefined, course)).toEqual({ target: undefined, address: course, unreachable: false });
    expect(screenJoin(undefined, 'https://course.example.org/en/', course)).toEqual({
      target: undefined,
      address: course,
      unreachable: false,
    });
  });

  it('is the address the screen was opened at when the course is served from elsewhere', () => {
    const here = 'http://192.168.1.20:4321/ru/';
    expect(screenJoin(undefined, here, course)).toEqual({ target: here, address: here, unreachable: false });
  });

  it("says when that address is this machine's own, which no phone can reach", () => {
    const here = 'http://localhost:4321/en/';
    expect(screenJoin(undefined, here, course)).toEqual({ target: here, address: here, unreachable: true });
    // A build made for this machine, opened on it: the build's code, and the same warning.
    expect(screenJoin(undefined, here, 'http://localhost:4321/en/')).toEqual({ target: undefined, address: here, unreachable: true });
  });
});

describe('an address as the screen writes it', () => {
  it('drops the scheme and a closing slash, and keeps the port, the path and the query', () => {
    expect(bareAddress('https://course.example.org/en/')).toBe('course.example.org/en');
    expect(bareAddress('http://192.168.1.20:4321/en/join/?code=ABCD')).toBe('192.168.1.20:4321/en/join/?code=ABCD');
    expect(bareAddress('course.example.org')).toBe('course.example.org');
  });
});
