// What the scenario player fetches once a run reaches an ending: the endings' texts and debriefs,
// the outcome's strings, and the other side's view of each linked moment, shown beside the
// outcome (EndingsData).
import type { APIContext } from 'astro';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { getScenarios, scenarioPaths } from '../../../../course/content.ts';
import { coursePlayerEndings, propsResponse } from '../../../../course/island-props.ts';
import type { Locale } from '../../../../engine/locales.ts';
import { useMessages } from '../../../../i18n/messages.ts';
import { CounterpartBody } from '../../../../components/CounterpartBody.tsx';

export function getStaticPaths() {
  return scenarioPaths();
}

export async function GET({ params }: APIContext) {
  const locale = params['locale'] as Locale;
  const t = useMessages(locale);
  const scenarios = await getScenarios();
  const scenario = scenarios.find((s) => s.id === params['id'])!;
  const { endings, counterparts, messages } = coursePlayerEndings(scenario, scenarios, locale);
  const meanwhile = Object.fromEntries(
    Object.entries(counterparts).map(([id, c]) => [
      id,
      render(
        h(CounterpartBody, {
          counterpart: c,
          summary: t('player.meanwhileAt', { moment: c.at }),
          source: t('counterpart.from', { scenario: c.scenarioTitle }),
        }),
      ),
    ]),
  );
  return propsResponse({ endings, meanwhile, messages });
}
