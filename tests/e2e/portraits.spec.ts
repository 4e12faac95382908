// The people's portraits: static files drawn at build time, shown with alternative text in the
// page's language, credited beside the files and on the about page.
import { expect, shownFace, test } from './fixtures.ts';
import { expressions } from '../../src/engine/expression.ts';
import { fill, scenarios, ui } from './course-data.ts';

const people = [...new Map(scenarios.flatMap((s) => s.people).map((p) => [p.id, p])).values()];

for (const locale of ['en', 'ru'] as const) {
  const t = ui[locale];

  test(`the lesson that introduces the case shows each person's face, named once in ${locale}`, async ({ page }) => {
    await page.goto(`/${locale}/lessons/meet-the-case/`);
    const cast = page.getByRole('list', { name: t['portrait.cast'] });
    await cast.scrollIntoViewIfNeeded();
    for (const person of people) {
      const name = person.name[locale];
      const item = cast.getByRole('listitem').filter({ hasText: person.role[locale] });
      // The caption names the person; the face's text adds only its expression, so a screen reader
      // hears the name once.
      const face = item.getByRole('img', { name: fill(t['portrait.alt'], { expression: t['portrait.neutral'] }), exact: true });
      await expect(face).toBeVisible();
      expect((await item.ariaSnapshot()).split(name).length - 1).toBe(1);
      // The face drawn is this person's, calm, from a sheet the build has.
      expect(await shownFace(face)).toBe(`${person.id}-neutral`);
      await expect(item).toContainText(name);
    }
  });

  test(`the about page credits the portraits' artwork and licence, in ${locale}`, async ({ page }) => {
    await page.goto(`/${locale}/about/`);
    await expect(page.getByRole('link', { name: 'ToonHead' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'CC BY 4.0' }).last()).toHaveAttribute(
      'href',
      /creativecommons\.org\/licenses\/by\/4\.0\//,
    );
    await expect(page.getByRole('link', { name: '/portraits/CREDITS.txt' })).toHaveAttribute('href', '/portraits/CREDITS.txt');
  });
}

test('the portrait file is an SVG sheet with a face for every person in every expression, its credits beside it', async ({ request }) => {
  const response = await request.get('/portraits/cast.svg');
  expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  const svg = await response.text();
  for (const person of people) for (const expression of expressions) expect(svg).toContain(`<g id="${person.id}-${expression}"`);
  const credits = await (await request.get('/portraits/CREDITS.txt')).text();
  expect(credits).toContain('Licence: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/');
});
