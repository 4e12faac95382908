// Each person's portrait, drawn at build time into a static file (src/course/portraits.ts).
import type { APIContext } from 'astro';
import { looks, portraitSvg } from '../../course/portraits.ts';

export function getStaticPaths() {
  return Object.keys(looks).map((person) => ({ params: { person } }));
}

export function GET({ params }: APIContext) {
  return new Response(portraitSvg(params.person!), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
}
