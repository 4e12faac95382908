// The catalogue of scenarios, for embedders and tools: ids, titles, perspectives and addresses.
import type { APIContext } from 'astro';
import { getScenarios } from '../course/content.ts';
import { locales } from '../engine/locales.ts';

export async function GET({ site }: APIContext) {
  const origin = site!.origin;
  const scenarios = (await getScenarios()).map((s) => ({
    id: s.id,
    perspective: s.perspective,
    title: Object.fromEntries(locales.map((l) => [l, s.title[l]])),
    summary: Object.fromEntries(locales.map((l) => [l, s.summary[l]])),
    page: Object.fromEntries(locales.map((l) => [l, `${origin}/${l}/scenarios/${s.id}/`])),
    embed: Object.fromEntries(locales.map((l) => [l, `${origin}/${l}/embed/${s.id}/`])),
    oembed: Object.fromEntries(locales.map((l) => [l, `${origin}/oembed/${l}/${s.id}.json`])),
  }));
  return new Response(JSON.stringify({ version: 1, loader: `${origin}/embed/v1.js`, scenarios }, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
