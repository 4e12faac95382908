import { describe, expect, it } from 'vitest';
import { bindShortWords, localize, textIn } from './localize.ts';

/** The text with its no-break spaces shown as "_". */
const shown = (text: string) => text.replace(/\u00a0/g, '_');

describe('Russian one-letter words', () => {
  it('stay on the line of the word after them, one after another too', () => {
    expect(shown(bindShortWords('Я иду в дом и к маме, а с ним — у двери.'))).toBe('Я_иду в_дом и_к_маме, а_с_ним — у_двери.');
  });

  it('are bound after a quote, a bracket or a dash, and across a line the YAML wrapped', () => {
    expect(shown(bindShortWords('«В срок» (к пятнице) —и всё и\nвсё'))).toBe('«В_срок» (к_пятнице) —и_всё и_всё');
  });

  it('leave alone a letter inside a word, a hyphenated word, the end of a paragraph and a paragraph break', () => {
    expect(shown(bindShortWords('из-за вас, Анна, а\n\nдальше, и'))).toBe('из-за вас, Анна, а\n\nдальше, и');
  });

  it('are bound in the Russian texts localize picks, and English is left as written', () => {
    const content = { title: { en: 'A month unpaid', ru: 'Месяц в ожидании' } };
    expect(shown(localize(content, 'ru').title)).toBe('Месяц в_ожидании');
    expect(localize(content, 'en').title).toBe('A month unpaid');
  });

  it('are bound in one text picked for Russian, as localize binds them, and English is left as written', () => {
    const summary = { en: 'You and Anna agree on a plan', ru: 'Вы с Анной и Марком договариваетесь о плане' };
    expect(shown(textIn(summary, 'ru'))).toBe('Вы с_Анной и_Марком договариваетесь о_плане');
    expect(textIn(summary, 'en')).toBe('You and Anna agree on a plan');
    expect(textIn(summary, 'ru')).toBe(localize({ summary }, 'ru').summary);
  });
});
