import { describe, expect, it } from 'vitest';
import { iframeSnippet, loaderSnippet } from './snippet.ts';

describe('the iframe snippet', () => {
  it('escapes a title that would otherwise break the attribute or the markup', () => {
    const html = iframeSnippet({
      origin: 'https://course.example',
      locale: 'en',
      id: 'client',
      title: 'The "client" <side> & more',
      width: '100%',
      height: 760,
    });
    expect(html).toContain('title="The &quot;client&quot; &lt;side> &amp; more"');
    expect(html).toContain('src="https://course.example/en/embed/client/"');
    expect(html.match(/"/g)?.length).toBe(12);
  });
});

describe('the loader snippet', () => {
  it('is a classic script and an element holding a link to the scenario, with the title escaped in both places', () => {
    const html = loaderSnippet({ origin: 'https://course.example', locale: 'ru', id: 'client', title: 'Клиент: «чек» <в пути> & "всё"' });
    expect(html).toMatch(/^<script src="https:\/\/course\.example\/embed\/v1\.js" defer><\/script>\n/);
    expect(html).not.toContain('type="module"');
    expect(html).toContain('title="Клиент: «чек» &lt;в пути> &amp; &quot;всё&quot;"');
    expect(html).toContain(
      '<a href="https://course.example/ru/scenarios/client/">Клиент: «чек» &lt;в пути> &amp; "всё"</a></checks-scenario>',
    );
  });
});
