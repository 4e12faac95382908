// The facilitator console's props, fetched by its island (see player.json.ts).
import type { APIContext } from 'astro';
import { getScenarios, scenarioPaths } from '../../../../course/content.ts';
import { consoleProps, propsResponse } from '../../../../course/island-props.ts';
import type { Locale } from '../../../../engine/locales.ts';

export function getStaticPaths() {
  return scenarioPaths();
}

export async function GET({ params }: APIContext) {
  const scenarios = await getScenarios();
  const scenario = scenarios.find((s) => s.id === params['id'])!;
  return propsResponse(consoleProps(scenario, scenarios, params['locale'] as Locale));
}
