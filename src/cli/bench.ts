// `npm run bench`: engine figures on two generated scenarios, each from a fixed seed, so every
// run measures the same graphs: a large graph with few meter values, and a smaller graph with
// many. Validation is timed here; the exact search in a process of its own per case (plain
// JavaScript bundled from bench-search.ts), so the peak resident memory printed is the search's.
// A benchmark to read, not a timed test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';
import { randomScenario, type RandomScenarioOptions } from '../engine/random-scenario.ts';
import { validateScenario } from '../engine/validate.ts';

interface BenchCase {
  name: string;
  seed: number;
  options: RandomScenarioOptions;
  runs: number;
}

const cases: BenchCase[] = [
  // A large graph with few meter values: validation as a long scenario meets it.
  { name: 'large graph', seed: 20261127, options: { nodes: 5000, choices: [2, 4], meters: 3, meterMax: 5, conditional: 0.1 }, runs: 15 },
  // Four meters of range 0-10, the most the schema allows: the exact search over many reachable states.
  {
    name: 'many meter states',
    seed: 20261130,
    options: { nodes: 1000, choices: [2, 4], meters: 4, meterMax: 10, conditional: 0.2 },
    runs: 3,
  },
];

/**
 * Medians over the runs, in ms: of the time on the clock, and of the processor time the process
 * used, which a busy machine (several engineers on two cores) stretches far less.
 */
export interface Timing {
  wall: number;
  cpu: number;
}

export interface CaseFigures {
  nodes: number;
  validation: Timing;
  search: Timing & { peakMB: number };
}

const row = (label: string, t: Timing) =>
  console.log(
    `  ${label.padEnd(28)} median ${t.wall.toFixed(1).padStart(7)} ms on the clock, ${t.cpu.toFixed(1).padStart(7)} ms of processor time`,
  );

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor((samples.length - 1) / 2)]!;

// The collector, as `--expose-gc` would give it, without asking for the flag on the command line.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Times `fn` over the runs. Before each run, `prepare` makes its input and the heap is collected,
 * so a run pays for collecting what it allocates itself, not for the previous run's garbage or for
 * moving the fresh input it was just handed out of the young generation.
 */
function time(runs: number, fn: () => void, prepare: () => void): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    collect();
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function runCase(bench: BenchCase, searchScript: string): CaseFigures {
  const { seed, options, runs } = bench;
  const scenario = randomScenario(seed, options);
  const decisions = scenario.nodes.flatMap((n) => (n.type === 'decision' ? [n] : []));
  const choices = decisions.reduce((sum, n) => sum + n.choices.length, 0);
  const routed = decisions.reduce((sum, n) => sum + n.choices.filter((c) => typeof c.next !== 'string').length, 0);
  console.log(
    `Case "${bench.name}": seed ${seed}, ${scenario.nodes.length} nodes, ${choices} choices (${routed} with conditional routes on below, atLeast, all and any), ` +
      `${scenario.meters.length} meters of range 0-${options.meterMax}, ${runs} runs each.`,
  );
  const diagnostics = validateScenario({ file: 'bench', data: scenario }).diagnostics;
  if (diagnostics.length > 0)
    throw new Error(`the generated scenario has ${diagnostics.length} diagnostics, the first: ${diagnostics[0]!.message}`);
  let copy = scenario;
  const validation = time(
    runs,
    () => validateScenario({ file: 'bench', data: copy }),
    () => (copy = structuredClone(scenario)),
  );
  row('validation', validation);
  const child = spawnSync(process.execPath, [searchScript, JSON.stringify({ seed, options, runs })], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the search of "${bench.name}" failed: ${child.stderr}`);
  const lines = child.stdout.trimEnd().split('\n');
  const search = JSON.parse(lines[lines.length - 1]!) as Timing & { peakMB: number; best: string[] };
  row('exact search of best runs', search);
  console.log(`  peak resident memory of a process that generates the scenario and searches it: ${search.peakMB.toFixed(0)} MB`);
  console.log(`  best runs: ${search.best.join(', ')}`);
  return { nodes: scenario.nodes.length, validation, search };
}

/** Both cases, in order; each case's search in a process of its own. */
export function runBench(): CaseFigures[] {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    const searchScript = join(dir, 'bench-search.mjs');
    buildSync({
      entryPoints: [fileURLToPath(new URL('./bench-search.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: searchScript,
      logLevel: 'error',
    });
    return cases.map((c) => runCase(c, searchScript));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runBench();
