import { describe, expect, it } from 'vitest';
import { formatDay, formatDayTime, formatLongDay } from './dates.ts';

describe('a date as the course writes it', () => {
  // Noon UTC, the same day in any time zone a test machine may have.
  const noon = '2026-12-02T12:00:00Z';

  it('is a day, in the page’s language, from a saved time or a Date', () => {
    expect(formatDay(noon, 'en-US')).toBe('Dec 2, 2026');
    expect(formatDay(new Date(noon), 'ru-RU')).toBe('2 дек. 2026 г.');
  });

  it('is a day in full, or a day and its time', () => {
    expect(formatLongDay(noon, 'en-US')).toBe('December 2, 2026');
    expect(formatLongDay(noon, 'ru-RU')).toBe('2 декабря 2026 г.');
    expect(formatDayTime(noon, 'en-US')).toMatch(/^Dec 2, 2026, \d{1,2}:\d{2}\s[AP]M$/);
  });
});
