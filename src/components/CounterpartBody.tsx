// The other side's view of a moment the learner visited, as the course player shows it beside an
// outcome, inside its <details class="counterpart">. Rendered to HTML at build time into the data
// the player fetches at an ending (pages/[locale]/scenarios/[id]/endings.json.ts), so the
// player's own code carries none of it.
import type { Counterpart } from '../course/props.ts';
import { paragraphs } from './PlayerParts.tsx';
import { Moment } from './Moment.tsx';

/**
 * `summary` is what the closed <details> says, e.g. "Meanwhile, at “The first email to Anna”";
 * `source` the line under it that names the other scenario and says whom its "you" means.
 */
export function CounterpartBody({ counterpart: c, summary, source }: { counterpart: Counterpart; summary: string; source: string }) {
  return (
    <>
      <summary>{summary}</summary>
      <p class="muted">{source}</p>
      {c.moment ? <Moment view={c.moment} text={c.situation} /> : paragraphs(c.situation)}
    </>
  );
}
