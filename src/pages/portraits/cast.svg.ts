// Every person's portrait in every expression, drawn at build time into one static file
// (src/course/portraits.ts).
import { castSvg } from '../../course/portraits.ts';

export function GET() {
  return new Response(castSvg(), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
}
