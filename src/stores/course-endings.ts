// The endings of a course player's scenario, which its page sends apart (endings.json): their
// texts and debriefs, the outcome's strings, and the other side's view of the moments linked to
// them, asked for when a run first reaches an ending (with the choice that ends it, while its
// feedback is read) or opens at one. A learner who never finishes never downloads them.
import { atom, type ReadableAtom } from 'nanostores';
import type { Player, PlayableScenario } from './player.ts';
import type { Message } from '../i18n/messages.ts';

/**
 * What the course player fetches once a run reaches an ending (or opens at one): the endings'
 * texts and debriefs, which its scenario carries empty (`withoutEndingTexts`), and the other
 * side's view of the moments linked to it, shown beside the outcome. The address is the
 * island's `endings` prop.
 */
export interface EndingsData {
  /** Each ending's `text` and `debrief`, by ending id, as authored (variants included). */
  endings: Record<string, Pick<Extract<PlayableScenario['nodes'][number], { type: 'ending' }>, 'text' | 'debrief'>>;
  /**
   * By this scenario's node id, the other side's view of that moment (`Counterpart`) as the HTML
   * inside its <details>, rendered at build time (components/CounterpartBody.tsx).
   */
  meanwhile: Record<string, string>;
  /** The UI strings only the outcome shows (`outcomeMessages`, course/props.ts), which the page leaves out. */
  messages: Record<string, Message>;
}

/**
 * Where the endings' data stands: not asked for yet (no ending reached), on its way, failed (it
 * could not load, or came without one of its parts, as an old copy might; the learner may try
 * again), or here.
 */
export type EndingsState = { status: 'idle' | 'loading' | 'failed' } | { status: 'ready'; data: EndingsData };

/**
 * Follows `player` (of `scenario`, whose endings carry no texts yet) and, the first time its view
 * has a debrief, loads the endings with `load` (the page's endings.json, which rejects where it
 * cannot load, after the page says so): their texts go into the scenario's endings, an ending on
 * screen is shown again with them, and `$endings` holds them, with the outcome's strings and the
 * other side's moments (HTML by node id). A failed load is asked for again with `retry`, or at the
 * next view with a debrief.
 * @returns `$endings`; `retry`, which asks again after a failure (and does nothing otherwise);
 * `stop`, which stops following.
 */
export function followEndings(
  player: Player,
  scenario: PlayableScenario,
  load: () => Promise<EndingsData>,
): { $endings: ReadableAtom<EndingsState>; retry: () => void; stop: () => void } {
  const $endings = atom<EndingsState>({ status: 'idle' });
  const ask = () => {
    $endings.set({ status: 'loading' });
    load()
      .then((data) => {
        if (!data?.endings || !data.meanwhile || !data.messages) throw new Error('the endings’ data lacks its endings, moments or strings');
        for (const node of scenario.nodes) Object.assign(node, data.endings[node.id]);
        $endings.set({ status: 'ready', data });
        const now = player.$view.get();
        if (now.debrief && !now.feedback) player.continueOn();
      })
      .catch((error: unknown) => {
        console.warn('The endings could not load; the learner can try again.', error);
        $endings.set({ status: 'failed' });
      });
  };
  const waiting = () => ['idle', 'failed'].includes($endings.get().status);
  const stop = player.$view.subscribe((view) => {
    if (view.debrief !== undefined && waiting()) ask();
  });
  return {
    $endings,
    retry: () => {
      if ($endings.get().status === 'failed') ask();
    },
    stop,
  };
}
