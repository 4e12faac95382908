import { describe, expect, it } from 'vitest';
import { scenarioIntro } from './scenario-intro.ts';
import { localize } from '../engine/localize.ts';
import { locales } from '../engine/locales.ts';
import { useMessages, type MessageKey } from '../i18n/messages.ts';
import { scenarios } from '../../tests/e2e/course-data.ts';

describe('the introduction before a scenario’s first choice', () => {
  for (const content of scenarios)
    for (const locale of locales) {
      const t = useMessages(locale);
      const scenario = localize(content, locale);
      const intro = scenarioIntro(scenario, locale, (id) => t(`principle.${id}` as MessageKey));

      it(`names the meters its panel shows, and no hidden one (${content.id}, ${locale})`, () => {
        const shown = scenario.meters.filter((m) => !m.hidden && m.id !== content.money.meter && m.id !== content.money.extra?.meter);
        expect(shown.length).toBeGreaterThan(0);
        for (const m of scenario.meters) expect(intro.meters.includes(m.label.toLocaleLowerCase(locale))).toBe(shown.includes(m));
      });

      it(`names each principle the choices are scored on, in a sentence (${content.id}, ${locale})`, () => {
        const names = intro.principles.filter((p) => p.type === 'element').map((p) => p.value);
        expect(names).toEqual(content.principles.map((id) => t(`principle.${id}` as MessageKey).toLocaleLowerCase(locale)));
        expect(t('scenario.intro')).toContain('{meters}');
        expect(t('scenario.intro')).toContain('{principles}');
      });
    }
});
