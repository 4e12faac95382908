import { describe, expect, it } from 'vitest';
import { answersFirstChoicesAhead } from './measure.ts';

const boot = '<script>addEventListener("click",e=>{document.documentElement.dataset.earlyChoice="a b"})</script>';
const choices =
  '<div data-island="player"><button type="button" class="choice" data-choice="a">A</button><button data-choice="b">B</button></div>';
const ahead = (...ids: string[]) =>
  ids.map((id) => `<template data-early-view="${id}" data-moment="m"><button data-continue>Go on</button></template>`).join('');

describe('whether a page’s first choices work before its player’s code', () => {
  it('holds when the early-choice script is there and every choice on the page has its consequence ahead', () => {
    expect(answersFirstChoicesAhead(`${boot}${choices}${ahead('a', 'b')}`)).toBe(true);
  });

  it('fails when one choice has no consequence ahead, or there is no early-choice script', () => {
    expect(answersFirstChoicesAhead(`${boot}${choices}${ahead('a')}`)).toBe(false);
    expect(answersFirstChoicesAhead(`${choices}${ahead('a', 'b')}`)).toBe(false);
  });

  it('fails on a page without choices, and does not count buttons inside the templates as the page’s own', () => {
    expect(answersFirstChoicesAhead(`${boot}${ahead('a')}`)).toBe(false);
    const nested = `<template data-early-view="a"><button data-choice="z">Z</button></template>`;
    expect(answersFirstChoicesAhead(`${boot}<button data-choice="a">A</button>${nested}`)).toBe(true);
  });
});
