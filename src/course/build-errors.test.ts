import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AstroError } from 'astro/errors';
import { siteUrl } from '../site.ts';
import { castSvg } from './portraits.ts';
import { outsideLocaleError, unknownTermError } from './build-errors.ts';

// The content collections as the build hands them to the pages, given by each test.
const content = vi.hoisted(() => ({ collections: new Map<string, { id: string; data: unknown; body?: string }[]>() }));
vi.mock('astro:content', () => ({
  getCollection: async (name: string, filter?: (entry: { id: string }) => boolean) =>
    (content.collections.get(name) ?? []).filter((entry) => !filter || filter(entry)),
  getEntry: async (name: string, id: string) => (content.collections.get(name) ?? []).find((entry) => entry.id === id),
}));
const { getCourse, getPage } = await import('./content.ts');

interface Wording {
  message: string;
  hint: string | undefined;
  /** Empty for a mistake in the content: a trace into the build's code would only hide it. */
  stack: string | undefined;
}

/** What an author reads of the AstroError `run` throws or rejects with: the message, then the hint. */
async function wording(run: () => unknown): Promise<Wording> {
  try {
    await run();
  } catch (error) {
    if (!AstroError.is(error)) throw error;
    return { message: error.message, hint: error.hint, stack: error.stack };
  }
  throw new Error('nothing was thrown');
}

beforeEach(() => {
  // An outline of one lesson, written in English only, then one scenario no file defines.
  content.collections = new Map([
    [
      'course',
      [
        { id: '0', data: { order: 0, lesson: 'why-invoices-slip' } },
        { id: '1', data: { order: 1, scenario: 'client' } },
      ],
    ],
    ['lessons', [{ id: 'en/why-invoices-slip', data: { title: 'Why invoices slip', description: 'Three reasons.' }, body: 'Text.' }]],
    ['scenarios', []],
    ['pages', [{ id: 'en/about', data: { title: 'About', description: 'Who made it.' }, body: 'Text.' }]],
  ]);
});

describe('a build that meets content the pages cannot find', () => {
  it('names the missing page file and how to write it', async () => {
    await expect(getPage('en', 'about')).resolves.toMatchObject({ id: 'en/about' });
    expect(await wording(() => getPage('ru', 'about'))).toMatchInlineSnapshot(`
      {
        "hint": "Write the file: a frontmatter holding \`title\` and \`description\`, then the text in Russian, as the other files in content/pages/ru/ do. Every page exists in English and Russian.",
        "message": "content/pages/ru/about.mdx is missing: a page of the site reads its text from it (getPage("about")).",
        "stack": "",
      }
    `);
  });

  it('names the lesson the outline lists without its file in this language', async () => {
    expect(await wording(() => getCourse('ru'))).toMatchInlineSnapshot(`
      {
        "hint": "Write content/lessons/ru/why-invoices-slip.mdx (every lesson exists in English and Russian), or fix the name in content/course.yaml. \`npm run check:content\` lists every such problem in a second or two, without a build.",
        "message": "content/course.yaml lists lesson "why-invoices-slip", but content/lessons/ru/why-invoices-slip.mdx does not exist.",
        "stack": "",
      }
    `);
  });

  it('names the scenario the outline lists that no file defines', async () => {
    expect(await wording(() => getCourse('en'))).toMatchInlineSnapshot(`
      {
        "hint": "Fix the id in content/course.yaml, or add a scenario whose \`id\` is "client" to content/scenarios/. \`npm run check:content\` lists every such problem in a second or two, without a build.",
        "message": "content/course.yaml lists scenario "client", which no file in content/scenarios/ defines.",
        "stack": "",
      }
    `);
  });
});

describe('a build asked for what the configuration does not have', () => {
  it('names the person without a look and where to draw one', async () => {
    expect(await wording(() => castSvg(['anna', 'nobody']))).toMatchInlineSnapshot(`
      {
        "hint": "Add a look for "nobody" to \`looks\` in src/course/portraits.ts (DiceBear ToonHead options: the variant and color of each part; the people already there show the shape). A person without a look plays on without a face, and no portrait file is asked for them.",
        "message": "No portrait is drawn for "nobody": the person has no look in src/course/portraits.ts.",
        "stack": "",
      }
    `);
  });

  it.each(['course.example.org', 'localhost:4321'])(
    'refuses SITE_URL=%s, which is no absolute address, and says what to set',
    async (value) => {
      expect(await wording(() => siteUrl({ SITE_URL: value }))).toMatchObject({
        message: `SITE_URL must be an absolute URL such as https://course.example.org, got "${value}".`,
      });
    },
  );

  it('words the SITE_URL failure in full', async () => {
    expect(await wording(() => siteUrl({ SITE_URL: 'course.example.org' }))).toMatchInlineSnapshot(`
      {
        "hint": "Set SITE_URL to the address the course is served from, with its scheme (SITE_URL=https://course.example.org npm run build), or leave it unset for http://localhost:4321. The sitemap, the canonical and alternate links and the packages all start from it.",
        "message": "SITE_URL must be an absolute URL such as https://course.example.org, got "course.example.org".",
        "stack": "",
      }
    `);
    expect(siteUrl({ SITE_URL: ' https://course.example.org/path ' })).toBe('https://course.example.org');
    expect(siteUrl({})).toBe('http://localhost:4321');
  });
});

describe('a lesson whose components the build cannot place', () => {
  it('names the unknown glossary term and the nearest one', async () => {
    expect(
      await wording(() => {
        throw unknownTermError('net30', ['late-fee', 'net-30']);
      }),
    ).toMatchInlineSnapshot(`
      {
        "hint": "Use the id of a term in content/glossary.yaml, or add the term there, with its name and definition in English and Russian.",
        "message": "<Term id="net30">: content/glossary.yaml defines no term "net30" (did you mean "net-30"?).",
        "stack": "",
      }
    `);
    expect(unknownTermError('retainer', ['late-fee', 'net-30']).message).not.toContain('did you mean');
  });

  it("says where a component that needs the page's language may be used", async () => {
    expect(
      await wording(() => {
        throw outsideLocaleError('<Cast />');
      }),
    ).toMatchInlineSnapshot(`
      {
        "hint": "Use <Cast /> only in lessons and pages under src/pages/[locale]/, which are built once for each of English and Russian.",
        "message": "<Cast /> is used on a page that has no language in its address.",
        "stack": "",
      }
    `);
  });
});
