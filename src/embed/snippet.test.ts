import { describe, expect, it } from 'vitest';
import { iframeSnippet } from './snippet.ts';

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
