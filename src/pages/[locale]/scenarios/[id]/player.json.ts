// The scenario player's props as a file of their own: the page's HTML stays small, and the
// island fetches them while the page is already on screen.
import type { APIContext } from 'astro';
import { getScenarios, scenarioPaths } from '../../../../course/content.ts';
import { coursePlayerProps, propsResponse } from '../../../../course/island-props.ts';
import type { Locale } from '../../../../engine/locales.ts';

export function getStaticPaths() {
  return scenarioPaths();
}

export async function GET({ params }: APIContext) {
  const scenarios = await getScenarios();
  const scenario = scenarios.find((s) => s.id === params['id'])!;
  return propsResponse(await coursePlayerProps(scenario, scenarios, params['locale'] as Locale));
}
