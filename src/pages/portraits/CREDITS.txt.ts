// The portraits' artwork, its source and licence, in a file beside them.
import { portraitCredits } from '../../course/portraits.ts';

export function GET() {
  return new Response(portraitCredits(), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
