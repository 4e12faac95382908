// Each moment in its medium: a screen reader hears the medium and who it comes from, and the face
// of the one it comes from in the expression the trust meter gives it; the strip shows the day and
// the money the engine computes, and axe finds nothing, light or dark, in both languages.
import { applyEffects, findNode, holds, isDecision, startMeters } from '../../src/engine/graph.ts';
import { replay } from '../../src/engine/run.ts';
import { moneyAt, type Medium } from '../../src/engine/moment.ts';
import { type Expression, expressionAt, faceMeter } from '../../src/engine/expression.ts';
import { locales } from '../../src/engine/locales.ts';
import { moneyFormat } from '../../src/course/moment-views.ts';
import { localize } from '../../src/engine/localize.ts';
import { fill, momentOfEachMedium, scenarios, shortestPathsToNodes, ui } from './course-data.ts';
import { expect, ScenarioPlayer, shownFace, test } from './fixtures.ts';

const moments = momentOfEachMedium();

/**
 * For each way a choice can move trust (down, up, not at all), the first choice with a reaction
 * that moves it so, reached by the shortest road to its decision: the meters before and after it
 * are the engine's, so the expected face is too.
 */
const reactions = (['down', 'up', 'held'] as const).map((move) => {
  for (const scenario of scenarios) {
    for (const [id, steps] of shortestPathsToNodes(scenario)) {
      const node = findNode(scenario, id);
      if (!isDecision(node)) continue;
      const before = replay(scenario, steps)?.meters ?? startMeters(scenario);
      for (const choice of node.choices) {
        if (!choice.reaction) continue;
        const after = applyEffects(scenario, before, choice.effects);
        // A move the meter's bound swallowed is no move; "held" is a choice that does not touch trust.
        const by = after[faceMeter]! - before[faceMeter]!;
        const held = by === 0 && (choice.effects[faceMeter] ?? 0) === 0;
        if ((by < 0 ? 'down' : by > 0 ? 'up' : held ? 'held' : undefined) === move)
          return { move, scenario, steps, node, choice, before, after };
      }
    }
  }
  throw new Error(`no reachable choice with a reaction moves trust ${move}`);
});

test('both scenarios together have a decision in every medium', () => {
  expect(moments.map((m) => m.kind).sort()).toEqual(['call', 'chat', 'email', 'meeting', 'note']);
});

for (const locale of locales) {
  for (const { kind, scenario, node: id, steps } of moments) {
    test(`${locale}: ${kind === 'email' ? 'an' : 'a'} ${kind} is announced with its medium, its people and the face of its sender, under the day and the money`, async ({
      page,
    }) => {
      const here = localize(scenario, locale);
      const node = findNode(here, id)!;
      if (!isDecision(node)) throw new Error(`${id} is not a decision`);
      const name = (person: string) => here.people.find((p) => p.id === person)!.name;
      const medium = node.medium;
      const label = fill(
        ui[locale][`moment.${kind}` as keyof (typeof ui)['en']],
        { from: name(medium.from), to: 'to' in medium ? medium.to.map(name).join(', ') : '' },
        locale,
      );
      const meters = replay(scenario, steps)?.meters ?? startMeters(scenario);
      // The sender's face says who it is and how they look: as the scene says, else at this level of trust.
      const expression = medium.expression ?? expressionAt(scenario, meters);
      const face = fill(ui[locale]['portrait.of'], { name: name(medium.from), expression: ui[locale][`portrait.${expression}`] }, locale);
      const player = await new ScenarioPlayer(page, locale).open(scenario.id);
      await player.play(scenario, steps);
      const article = page.getByRole('article', { name: label, exact: true });
      await expect(article).toBeVisible();
      // An email also says its subject, as a mail client's header does.
      // (A regex with its spaces as \s, so that a colon in the subject is not read as YAML.)
      const pattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replaceAll(' ', '\\s');
      const subject = medium.kind === 'email' ? `\n          - paragraph: /${pattern(medium.subject)}/` : '';
      // A role and its name as one YAML string, so that a colon in the name is not read as YAML.
      const named = (role: string, name: string) => `'${`${role} ${JSON.stringify(name)}`.replaceAll("'", "''")}'`;
      await expect(article).toMatchAriaSnapshot(`
        - ${named('article', label)}:
          - paragraph:
            - ${named('img', face)}
            - text: ${JSON.stringify(label)}${subject}
      `);
      // The face drawn is the one named: the sender's, in that expression, from a sheet the build has;
      // beside each line of a call or a meeting, its speaker's in the same expression.
      expect(await shownFace(article.locator('.moment-head .portrait'))).toBe(`${medium.from}-${expression}`);
      const speakers = 'lines' in medium ? (medium.lines ?? []).map((l) => `${l.by}-${expression}`) : [];
      const beside = article.locator('.moment-body .portrait');
      await expect(beside).toHaveCount(speakers.length);
      for (const [i, speaker] of speakers.entries()) expect(await shownFace(beside.nth(i))).toBe(speaker);
      const money = moneyAt(scenario, meters);
      const amount = moneyFormat(money.currency, locale);
      // Where the money would give the story away before its player learns it, the day comes alone.
      const { shownWhen } = scenario.money;
      await expect(player.strip).toHaveText(
        shownWhen === undefined || holds(shownWhen, meters)
          ? fill(
              ui[locale]['player.strip'],
              {
                day: node.day,
                money: fill(
                  ui[locale][`moment.money.${scenario.perspective}`],
                  { received: amount.format(money.received), outstanding: amount.format(money.outstanding) },
                  locale,
                ),
              },
              locale,
            )
          : fill(ui[locale]['player.stripDay'], { day: node.day }, locale),
      );
      await expect(page).toPassAxe({ colorSchemes: ['light', 'dark'] });
    });
  }
}

for (const locale of locales) {
  for (const { move, scenario, steps, node, choice, before, after } of reactions) {
    test(`${locale}: a reaction shows its sender’s face by what the choice did to trust (${move}: ${scenario.id} ${node.id} › ${choice.id})`, async ({
      page,
    }) => {
      const here = localize(scenario, locale);
      const reaction = here.nodes.flatMap((n) => (n.id === node.id && isDecision(n) ? n.choices : [])).find((c) => c.id === choice.id)!
        .reaction!;
      const name = (person: string) => here.people.find((p) => p.id === person)!.name;
      const label = fill(
        ui[locale][`moment.${reaction.kind}` as keyof (typeof ui)['en']],
        { from: name(reaction.from), to: 'to' in reaction ? reaction.to.map(name).join(', ') : '' },
        locale,
      );
      // Trust just fell: annoyed; just rose: pleased; held: the face its level gives; unless the reaction names its own.
      const moved = expressionAt(scenario, after, before);
      if (move !== 'held') expect(moved).toBe(move === 'down' ? 'annoyed' : 'pleased');
      const expression = reaction.expression ?? moved;
      const player = await new ScenarioPlayer(page, locale).open(scenario.id);
      await player.play(scenario, steps);
      await player.choose(scenario, { node: node.id, choice: choice.id });
      const article = page.getByRole('article', { name: label, exact: true });
      await expect(article).toBeVisible();
      await expect(article.locator('.moment-head .portrait')).toHaveAccessibleName(
        fill(ui[locale]['portrait.of'], { name: name(reaction.from), expression: ui[locale][`portrait.${expression}`] }, locale),
      );
      expect(await shownFace(article.locator('.moment-head .portrait'))).toBe(`${reaction.from}-${expression}`);
      // A move of the money meter is listed in money, as the strip says it, not in the meter's steps.
      const { meter } = scenario.money;
      if (after[meter] !== before[meter]) {
        const amount = moneyFormat(scenario.money.currency, locale);
        const sum = (meters: typeof after) => amount.format(moneyAt(scenario, meters).received);
        const label = here.meters.find((m) => m.id === meter)!.label;
        await expect(player.feedback.locator('.changes li', { hasText: label })).toHaveText(
          fill(ui[locale]['player.meterChange'], { meter: label, from: sum(before), to: sum(after) }, locale),
        );
      }
    });
  }
}

for (const locale of locales) {
  test(`${locale}: the text version shows every decision in its medium, named for it, with its sender’s face, without JavaScript`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const scenario of scenarios) {
      const here = localize(scenario, locale);
      const name = (person: string) => here.people.find((p) => p.id === person)!.name;
      const label = (medium: Medium) =>
        fill(
          ui[locale][`moment.${medium.kind}` as keyof (typeof ui)['en']],
          { from: name(medium.from), to: 'to' in medium ? medium.to.map(name).join(', ') : '' },
          locale,
        );
      // Each decision in its medium, then, in its choices' feedback, each reaction in its own.
      const labels = here.nodes.flatMap((n) =>
        isDecision(n) ? [label(n.medium), ...n.choices.flatMap((c) => (c.reaction ? [label(c.reaction)] : []))] : [],
      );
      // Following no run, the text version shows every moment's face calm unless the scene names
      // one; a reaction's face shows how its choice moved trust (down annoyed, up pleased), whatever
      // the level, unless it names its own.
      const face = (person: string, expression: Expression) => ({ person, expression });
      const moved = (effects: Record<string, number>): Expression => {
        const by = effects[faceMeter] ?? 0;
        return by === 0 ? 'neutral' : expressionAt(scenario, { [faceMeter]: by }, { [faceMeter]: 0 });
      };
      const faces = here.nodes.flatMap((n) =>
        isDecision(n)
          ? [
              face(n.medium.from, n.medium.expression ?? 'neutral'),
              ...n.choices.flatMap((c) => (c.reaction ? [face(c.reaction.from, c.reaction.expression ?? moved(c.effects))] : [])),
            ]
          : [],
      );
      await page.goto(`/${locale}/scenarios/${scenario.id}/text/`);
      const names = await page.locator('.static-node article').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
      expect(names).toEqual(labels);
      const portraits = page.locator('.static-node article .moment-head .portrait');
      const alts = await portraits.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
      expect(alts).toEqual(
        faces.map(({ person, expression }) =>
          fill(ui[locale]['portrait.of'], { name: name(person), expression: ui[locale][`portrait.${expression}`] }, locale),
        ),
      );
      // And each face drawn is the one named.
      for (const [i, { person, expression }] of faces.entries()) expect(await shownFace(portraits.nth(i))).toBe(`${person}-${expression}`);
    }
    await context.close();
  });
}
