import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { spoilerOrder } from './check-content.ts';
import { outline, type OutlineItem } from './schemas.ts';

describe('the spoiler order of the outline', () => {
  const items: OutlineItem[] = [{ lesson: 'intro' }, { lesson: 'the-twist' }, { scenario: 'a' }, { scenario: 'b' }, { lesson: 'after' }];

  it('names a lesson that tells the ending and stands above a scenario, with the scenario it must follow', () => {
    const diagnostics = spoilerOrder(items, new Set(['the-twist', 'after']));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'spoiler-order', file: 'course.yaml' });
    expect(diagnostics[0]!.message).toContain('"the-twist" before scenario "b"');
  });

  it('accepts such lessons once every scenario has been played', () => {
    expect(spoilerOrder(items, new Set(['after']))).toEqual([]);
  });

  it('holds for the shipped course: every scenario comes before every lesson that tells the ending', async () => {
    const root = join(import.meta.dirname, '..', '..', 'content');
    const course = outline.parse(parseYaml(await readFile(join(root, 'course.yaml'), 'utf8')));
    const lessons = course.flatMap((item) => ('lesson' in item ? [item.lesson] : []));
    const telling = new Set<string>();
    for (const slug of lessons) {
      const source = await readFile(join(root, 'lessons', 'en', `${slug}.mdx`), 'utf8');
      if (/^afterScenarios: true$/m.test(source)) telling.add(slug);
    }
    // The course has an opening before play and reveals after it; the order between them is the check's.
    expect(telling.size).toBeGreaterThan(0);
    expect(telling.size).toBeLessThan(lessons.length);
    expect(spoilerOrder(course, telling)).toEqual([]);
  });
});
