// A session as a file: Markdown to send after the workshop, JSON with everything, and the table
// of votes, as a spreadsheet (xlsx.ts, made on demand, with the outcome on a second sheet) and as
// CSV for tools (UTF-8 with a byte-order mark and RFC 4180 quoting).
import { principleScore, type Translate } from '../i18n/messages.ts';
import { nodeTitle, type PlayableScenario } from '../engine/play-view.ts';
import { viewOf } from './view.ts';
import { roomPath, type WorkshopSession } from './session.ts';

export function sessionMarkdown(session: WorkshopSession, scenario: PlayableScenario, t: Translate): string {
  const view = viewOf(scenario, session);
  const lines = [`# ${session.name}`, '', `${scenario.title} · ${session.createdAt.slice(0, 10)}`, '', `## ${t('workshop.path')}`, ''];
  for (const moment of roomPath(session, scenario)) {
    const taken = moment.choices.find((c) => c.chosen)!;
    // A decision taken without a vote (the trainer chose, or the room only talked) says no count, as the outcome on screen does.
    if (moment.votes === 0) {
      lines.push(`${moment.step}. **${moment.title}**: ${taken.label}`);
      continue;
    }
    lines.push(`${moment.step}. **${moment.title}**: ${taken.label} (${t('workshop.votesOf', { n: taken.votes, count: moment.votes })})`);
    for (const c of moment.choices) lines.push(`   - ${c.label} — ${t('workshop.votes', { count: c.votes })}`);
  }
  if (view.debrief) {
    const d = view.debrief;
    lines.push('', `## ${t('workshop.outcome')}: ${d.ending.title} (${t(`grade.${d.grade}`)})`, '');
    for (const p of d.principles) lines.push(`- ${t(`principle.${p.principle}`)}: ${principleScore(t, p)}`);
    lines.push(`- ${t('player.overall')}: ${t('player.overallValue', { score: d.overall })}`, '');
    lines.push(t('player.recommendedScore', { score: d.recommended.score.overall }));
    lines.push(t('player.realOutcome', { ending: nodeTitle(scenario, d.real.ending), score: d.real.score.overall }), '', d.debrief);
  } else {
    lines.push('', t('workshop.unfinished'));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Everything about the session; with the scenario at hand and the room at an ending, its
 * outcome too (ending, grade, scores), so the file can be read without the course.
 */
export function sessionJson(session: WorkshopSession, scenario?: PlayableScenario): string {
  const debrief = scenario && viewOf(scenario, session).debrief;
  const outcome = debrief && {
    ending: debrief.ending.id,
    title: debrief.ending.title,
    tone: debrief.ending.tone,
    grade: debrief.grade,
    overall: debrief.overall,
    principles: debrief.principles,
  };
  return JSON.stringify({ kind: 'checks-in-the-mail/workshop', ...session, ...(outcome && { outcome }) }, null, 2);
}

/** One RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row of the votes table: decision number, moment, choice, votes, and whether the room chose it. */
export type VoteRow = [step: number, moment: string, choice: string, votes: number, chosen: string];

/** The table of votes, shared by the spreadsheet and the CSV: a header row, then a row per choice at each decision. */
export function voteTable(session: WorkshopSession, scenario: PlayableScenario, t: Translate): { header: string[]; rows: VoteRow[] } {
  const header = ['step', 'moment', 'choice', 'votes', 'chosen'].map((c) => t(`workshop.csv.${c}`));
  const rows = roomPath(session, scenario).flatMap((moment) =>
    moment.choices.map((c): VoteRow => [moment.step, moment.title, c.label, c.votes, c.chosen ? t('workshop.csv.yes') : '']),
  );
  return { header, rows };
}

/** One row of the outcome table: what it is, its value, and for scores the raw points and the reference (max). */
export type OutcomeRow = [item: string, value: string | number, earned: number | '', max: number | ''];

/**
 * The room's outcome as a table, for the spreadsheet's second sheet: the ending, its tone
 * (how the story ended), the room's grade and overall (0–100) from the engine's one scoring
 * function, then per principle the counted points, the raw points and the reference (what the
 * recommended path earns). Undefined while the room has not reached an ending.
 */
export function outcomeTable(
  session: WorkshopSession,
  scenario: PlayableScenario,
  t: Translate,
): { header: string[]; rows: OutcomeRow[] } | undefined {
  const debrief = viewOf(scenario, session).debrief;
  if (!debrief) return undefined;
  const header = ['item', 'value', 'earned', 'max'].map((c) => t(`workshop.csv.${c}`));
  const rows: OutcomeRow[] = [
    [t('workshop.csv.ending'), debrief.ending.title, '', ''],
    [t('workshop.csv.tone'), t(`tone.${debrief.ending.tone}`), '', ''],
    [t('workshop.csv.grade'), t(`grade.${debrief.grade}`), '', ''],
    [t('player.overall'), debrief.overall, '', 100],
    ...debrief.principles.map((p): OutcomeRow => [t(`principle.${p.principle}`), p.counted, p.earned, p.max]),
  ];
  return { header, rows };
}

/**
 * The votes table alone. A CSV file is one table to the tools that read it, so the outcome, which
 * has other columns, is left to the spreadsheet's second sheet and to the JSON.
 */
export function sessionCsv(session: WorkshopSession, scenario: PlayableScenario, t: Translate): string {
  const votes = voteTable(session, scenario, t);
  return `\uFEFF${[votes.header, ...votes.rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * The name of a session's downloaded files, without the extension: its name in lower case with
 * dashes, then the day it was created (YYYY-MM-DD), unless the name already gives that year
 * (the default name "Workshop, 30 Nov 2026" does), so the date is not said twice.
 */
export function fileStem(session: WorkshopSession): string {
  const slug =
    session.name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'workshop';
  const day = session.createdAt.slice(0, 10);
  return slug.includes(day.slice(0, 4)) ? slug : `${slug}-${day}`;
}
