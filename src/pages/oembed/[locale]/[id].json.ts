// A static oEmbed document per scenario and language: type rich, whose HTML is a plain iframe,
// so it still works where a CMS sandboxes provider embeds.
import type { APIContext } from 'astro';
import { type getScenarios, scenarioPaths } from '../../../course/content.ts';
import type { Locale } from '../../../engine/locales.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { iframeSnippet } from '../../../embed/snippet.ts';

export function getStaticPaths() {
  return scenarioPaths();
}

export function GET({ params, props, site }: APIContext) {
  const locale = params['locale'] as Locale;
  const scenario = (props as { scenario: Awaited<ReturnType<typeof getScenarios>>[number] }).scenario;
  const origin = site!.origin;
  // As written, not as typeset for a reader: a consumer indexes the title and pastes the HTML.
  const title = scenario.title[locale];
  const height = 760;
  const body = {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: useMessages(locale)('site.name'),
    provider_url: `${origin}/${locale}/`,
    width: 640,
    height,
    html: iframeSnippet({ origin, locale, id: scenario.id, title, width: '640', height }),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
