// The projector screen's props, fetched by its island (see player.json.ts).
import type { APIContext } from 'astro';
import { getScenarios, scenarioPaths } from '../../../../course/content.ts';
import { propsResponse, screenProps } from '../../../../course/island-props.ts';
import type { Locale } from '../../../../engine/locales.ts';

export function getStaticPaths() {
  return scenarioPaths();
}

export async function GET({ params, site }: APIContext) {
  const scenarios = await getScenarios();
  const scenario = scenarios.find((s) => s.id === params['id'])!;
  return propsResponse(await screenProps(scenario, scenarios, params['locale'] as Locale, site));
}
