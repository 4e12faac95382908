import { describe, expect, it } from 'vitest';
import { formatDate } from './dates.ts';

describe('a date as the course writes it', () => {
  // Noon UTC, the same day in any time zone a test machine may have.
  const noon = '2026-12-02T12:00:00Z';

  it('is the day by default, in the page’s language', () => {
    expect(formatDate(noon, 'en-US')).toBe('Dec 2, 2026');
    expect(formatDate(new Date(noon), 'ru-RU')).toBe('2 дек. 2026 г.');
  });

  it('is the day in full, or the day and its time, when asked', () => {
    expect(formatDate(noon, 'en-US', 'long')).toBe('December 2, 2026');
    expect(formatDate(noon, 'ru-RU', 'long')).toBe('2 декабря 2026 г.');
    expect(formatDate(noon, 'en-US', 'dayTime')).toMatch(/^Dec 2, 2026, \d{1,2}:\d{2}\s[AP]M$/);
  });
});
