// The layered layout of a scenario's map, computed at build time with dagre; the page draws it
// as a static SVG, so the browser runs no layout code.
import dagre from '@dagrejs/dagre';
import { routesOf } from '../engine/graph.ts';
import { markedPath } from '../engine/paths.ts';
import { replay } from '../engine/run.ts';
import type { PlayableScenario } from '../stores/player.ts';
import type { PathMark, Tone } from '../engine/types.ts';
import { pathMarks } from '../engine/vocabulary.ts';

export interface MapNode {
  id: string;
  kind: 'decision' | 'ending';
  /** An ending's tone, which colours it. */
  tone?: Tone;
  label: string;
  /** The label broken into lines that fit the box. */
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapEdge {
  from: string;
  to: string;
  marks: PathMark[];
  /** The SVG path. */
  d: string;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
}

const boxWidth = 150;
const lineHeight = 15;
/** Characters that fit a box's line at the map's type size: Cyrillic letters run wider than Latin. */
const charsPerLine = (text: string) => (/[\u0400-\u04FF]/.test(text) ? 18 : 21);

export function wrap(text: string, width = charsPerLine(text), maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\s*\S*$/, '')}…`;
  return kept;
}

export function layoutScenario(scenario: PlayableScenario): MapLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 44, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const labels = new Map<string, string>();
  scenario.nodes.forEach((node) => {
    const label = node.title;
    labels.set(node.id, label);
    // An ending's box has a line more, for the sign of its tone above its title.
    const lines = wrap(label).length + (node.type === 'ending' ? 1 : 0);
    g.setNode(node.id, { width: boxWidth, height: 16 + lines * lineHeight });
  });
  const marks = new Map<string, Set<PathMark>>();
  for (const node of scenario.nodes) {
    if (node.type !== 'decision') continue;
    for (const choice of node.choices) {
      for (const route of routesOf(choice)) {
        const key = `${node.id}>${route.goto}`;
        if (!marks.has(key)) {
          marks.set(key, new Set());
          g.setEdge(node.id, route.goto);
        }
      }
    }
  }
  for (const mark of pathMarks) {
    const steps = markedPath(scenario, mark);
    const nodes = [...steps.map((s) => s.node), replay(scenario, steps)!.node.id];
    for (let i = 0; i + 1 < nodes.length; i++) marks.get(`${nodes[i]}>${nodes[i + 1]}`)?.add(mark);
  }
  dagre.layout(g);
  const graph = g.graph();
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes: scenario.nodes.map((node) => {
      const n = g.node(node.id);
      const label = labels.get(node.id)!;
      return {
        id: node.id,
        kind: node.type,
        ...(node.type === 'ending' && { tone: node.tone }),
        label,
        lines: wrap(label),
        x: Math.round(n.x - n.width / 2),
        y: Math.round(n.y - n.height / 2),
        width: n.width,
        height: n.height,
      };
    }),
    edges: g.edges().map((e) => {
      const points: { x: number; y: number }[] = g.edge(e).points ?? [];
      const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${Math.round(p.x)},${Math.round(p.y)}`).join(' ');
      return { from: e.v, to: e.w, marks: [...(marks.get(`${e.v}>${e.w}`) ?? [])], d };
    }),
  };
}
