import { describe, expect, it } from 'vitest';
import { counterpartsOf, endingTexts, shippedScenario, withoutEndingTexts } from './screen-data.ts';
import { visitedMeanwhile } from './props.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { bindShortWords, localize } from '../engine/localize.ts';
import { replay } from '../engine/run.ts';
import { isDecision } from '../engine/graph.ts';

/** The fixture in English with a transcript, a reaction, notes and a link to the other side. */
function playable() {
  const s = structuredClone(loadValid('mini-contractor'));
  const [unpaid] = s.nodes;
  if (unpaid?.type !== 'decision') throw new Error('the fixture changed its first node');
  unpaid.medium = { kind: 'call', from: 'mark', to: ['anna'], lines: [{ by: 'mark', text: { en: 'Any news?', ru: 'Есть новости?' } }] };
  unpaid.choices[0]!.reaction = { kind: 'email', from: 'mark', to: ['anna'], subject: { en: 'Re: invoice', ru: 'Re: счёт' } };
  unpaid.counterpart = { scenario: 'mini-client', node: 'x' };
  return { content: s, scenario: localize(s, 'en') };
}

describe('the scenario as a page ships it', () => {
  it('leaves out the notes, the texts the rendered moments carry and the link to the other side', () => {
    const { scenario } = playable();
    const [unpaid] = shippedScenario(scenario).nodes;
    if (!unpaid || !isDecision(unpaid)) throw new Error('the first node is a decision');
    expect(unpaid.notes).toBe('');
    expect(unpaid.questions).toEqual([]);
    expect(unpaid.medium).toEqual({ kind: 'call', from: 'mark', to: ['anna'] });
    expect(unpaid.choices[0]).not.toHaveProperty('reaction');
    expect(unpaid).not.toHaveProperty('counterpart');
  });

  it('plays as the scenario does: the same moments, meters and ending on a path', () => {
    const { scenario } = playable();
    const shipped = shippedScenario(scenario);
    let steps: { node: string; choice: string }[] = [];
    for (let state = replay(scenario, steps)!; isDecision(state.node); state = replay(scenario, steps)!) {
      steps = [...steps, { node: state.node.id, choice: state.node.choices[0]!.id }];
      const [was, now] = [replay(scenario, steps)!, replay(shipped, steps)!];
      expect({ node: now.node.id, meters: now.meters, points: now.points, ended: now.ended }).toEqual({
        node: was.node.id,
        meters: was.meters,
        points: was.points,
        ended: was.ended,
      });
    }
  });
});

describe('the scenario page’s endings, sent apart', () => {
  it('keep what the engine reads without their texts, which put back make the shipped scenario again', () => {
    const shipped = shippedScenario(playable().scenario);
    const bare = withoutEndingTexts(shipped);
    const texts = endingTexts(shipped);
    const endings = shipped.nodes.filter((n) => n.type === 'ending');
    expect(endings.length).toBeGreaterThan(0);
    expect(Object.keys(texts)).toEqual(endings.map((n) => n.id));
    for (const node of bare.nodes)
      if (node.type === 'ending') expect(node).toEqual({ ...endings.find((n) => n.id === node.id), text: '', debrief: '' });
    // The player puts them back into the scenario it plays (components/CoursePlayer.tsx).
    const filled = structuredClone(bare);
    for (const node of filled.nodes) Object.assign(node, texts[node.id]);
    expect(filled).toEqual(shipped);
  });

  it('leave the decisions as they were', () => {
    const shipped = shippedScenario(playable().scenario);
    expect(withoutEndingTexts(shipped).nodes.filter(isDecision)).toEqual(shipped.nodes.filter(isDecision));
  });
});

describe('the other side’s view of each linked moment', () => {
  it('names both moments, the other side’s and this scenario’s, in the page’s language', () => {
    const [contractor, client] = [loadValid('mini-contractor'), loadValid('mini-client')];
    const en = counterpartsOf(contractor, [contractor, client], 'en');
    expect(Object.keys(en)).toEqual(['ask']);
    expect(en['ask']).toMatchObject({ scenarioTitle: client.title.en, title: 'Request', at: 'Ask' });
    expect(counterpartsOf(client, [contractor, client], 'ru')['request']).toMatchObject({ title: 'Ask', at: 'Request' });
  });

  it('names the other side’s scenario as its own page titles it, one-letter Russian words bound', () => {
    const [contractor, client] = [loadValid('mini-contractor'), structuredClone(loadValid('mini-client'))];
    client.title.ru = 'Клиент и счёт в ожидании';
    expect(counterpartsOf(contractor, [contractor, client], 'ru')['ask']?.scenarioTitle).toBe(bindShortWords(client.title.ru));
    expect(counterpartsOf(contractor, [contractor, client], 'ru')['ask']?.scenarioTitle).toBe(localize(client, 'ru').title);
  });

  it('are shown for the moments a run visited that have one, in the order visited, once they have arrived', () => {
    const meanwhile = { ask: '<summary>Meanwhile</summary>', later: '<summary>Later</summary>' };
    expect(visitedMeanwhile(['unpaid', 'ask', 'later', 'end'], meanwhile)).toEqual([
      { id: 'ask', html: meanwhile.ask },
      { id: 'later', html: meanwhile.later },
    ]);
    expect(visitedMeanwhile(['unpaid'], meanwhile)).toEqual([]);
    expect(visitedMeanwhile(['unpaid', 'ask'], undefined)).toEqual([]);
  });
});
