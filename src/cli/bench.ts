// `npm run bench`: engine figures on a large generated scenario (a fixed seed, so every run
// measures the same graph). A benchmark to read, not a timed test.
import { performance } from 'node:perf_hooks';
import { randomScenario } from '../engine/random-scenario.ts';
import { validateScenario } from '../engine/validate.ts';
import { bestRuns } from '../engine/best-runs.ts';

const seed = 20261127;
const runs = 15;

export interface BenchFigures {
  nodes: number;
  validation: { median: number; p95: number };
  search: { median: number; p95: number };
}

function time(label: string, fn: () => void, prepare: () => void = () => {}) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  console.log(`${label.padEnd(28)} median ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms`);
  return { median: at(0.5), p95: at(0.95) };
}

/** Times validation and the exact search for each principle's best run on a generated 5,000-node scenario (a fixed seed). */
export function runBench(): BenchFigures {
  const scenario = randomScenario(seed, { nodes: 5000, choices: [2, 4], meters: 3, meterMax: 5, conditional: 0.1 });
  const choices = scenario.nodes.reduce((sum, n) => sum + (n.type === 'decision' ? n.choices.length : 0), 0);
  console.log(
    `Scenario: ${scenario.nodes.length} nodes, ${choices} choices, ${scenario.meters.length} meters of range 0-5, seed ${seed}, ${runs} runs each.`,
  );
  const diagnostics = validateScenario({ file: 'bench', data: scenario }).diagnostics.length;
  if (diagnostics > 0) throw new Error(`the generated scenario has ${diagnostics} diagnostics`);
  const validation = time('validation', () => validateScenario({ file: 'bench', data: scenario }));
  let copy = structuredClone(scenario);
  const search = time(
    'exact search of best runs',
    () => bestRuns(copy),
    () => (copy = structuredClone(scenario)),
  );
  const best = Object.entries(bestRuns(scenario)).map(([p, run]) => `${p} ${run.points} in ${run.steps.length} decisions`);
  console.log(`Best runs: ${best.join(', ')}`);
  return { nodes: scenario.nodes.length, validation, search };
}

if (import.meta.url === `file://${process.argv[1]}`) runBench();
