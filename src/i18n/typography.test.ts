import { describe, expect, it } from 'vitest';
import { inSentence, nestedQuotes, splitParagraphs, typographic, unwrapLines, unwrapTexts } from './typography.ts';

describe('typographic quotes', () => {
  it('turns straight apostrophes and quotes into curly ones', () => {
    expect(typographic(`A client's payment: "the check's in the mail", they say.`)).toBe(
      'A client’s payment: “the check’s in the mail”, they say.',
    );
    expect(typographic(`'Quoted' (and "this")`)).toBe('‘Quoted’ (and “this”)');
  });

  it('leaves Russian typography alone', () => {
    expect(typographic('Клиент сказал: «Чек уже в пути».')).toBe('Клиент сказал: «Чек уже в пути».');
  });
});

describe('paragraphs of a content text', () => {
  it('are separated by blank lines, trimmed, and never empty', () => {
    expect(splitParagraphs('One line\ncontinues.\n\n  Two.  \n \n\n')).toEqual(['One line\ncontinues.', 'Two.']);
  });

  it('are shipped on one line each, with the blank lines between them kept', () => {
    expect(unwrapLines('One line\ncontinues \n here.\n\nTwo\nlines.\n \nThree.')).toBe('One line continues here.\n\nTwo lines.\n \nThree.');
    expect(splitParagraphs(unwrapLines('A\nb.\n\nC\nd.'))).toEqual(['A b.', 'C d.']);
  });

  it('are unwrapped in every string of a JSON value, and nothing else changes', () => {
    expect(unwrapTexts({ a: 'x\ny', b: [1, 'p\nq\n\nr'], c: { d: true, e: null } })).toEqual({
      a: 'x y',
      b: [1, 'p q\n\nr'],
      c: { d: true, e: null },
    });
  });
});

describe('quotations inside a quotation', () => {
  it('take the inner marks of their language', () => {
    expect(nestedQuotes('Talk about “safer”')).toBe('Talk about ‘safer’');
    expect(nestedQuotes('Рассуждать о том, что «безопаснее»')).toBe('Рассуждать о том, что „безопаснее“');
    expect(nestedQuotes('Pay the client’s invoice')).toBe('Pay the client’s invoice');
  });
});

describe('a label quoted inside a sentence', () => {
  it('loses its closing full stop, keeps any other, and nests its own quotations', () => {
    expect(inSentence('Email Mark about “the move”.')).toBe('Email Mark about ‘the move’');
    expect(inSentence('Ask where the checks went?')).toBe('Ask where the checks went?');
    expect(inSentence('Написать Марку «сегодня».')).toBe('Написать Марку „сегодня“');
  });
});
