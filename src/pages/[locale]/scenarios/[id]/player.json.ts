// The scenario player's props as a file of their own, for the progress page, which re-scores
// results saved under earlier rules from the scenario in it (stores/results.ts). The scenario
// page carries the same props last in itself.
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
