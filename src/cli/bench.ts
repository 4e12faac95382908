// `npm run bench`: engine figures on two generated scenarios, each from a fixed seed, so every
// run measures the same graphs: a large graph with few meter values, and a smaller graph with
// many. The second case runs in a child process of its own, so its peak resident memory is its
// own. A benchmark to read, not a timed test.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomScenario, type RandomScenarioOptions } from '../engine/random-scenario.ts';
import { validateScenario } from '../engine/validate.ts';
import { bestRuns } from '../engine/best-runs.ts';

interface BenchCase {
  name: string;
  seed: number;
  options: RandomScenarioOptions;
  runs: number;
}

/** 5,000 nodes, 3 meters of range 0-5, one choice in ten conditional: validation of a large graph. */
const largeGraph: BenchCase = {
  name: 'large graph',
  seed: 20261127,
  options: { nodes: 5000, choices: [2, 4], meters: 3, meterMax: 5, conditional: 0.1 },
  runs: 15,
};

/**
 * 1,000 nodes, 4 meters of range 0-10 (the most the schema allows), one choice in five
 * conditional: the exact search over many reachable meter states.
 */
const manyStates: BenchCase = {
  name: 'many meter states',
  seed: 20261130,
  options: { nodes: 1000, choices: [2, 4], meters: 4, meterMax: 10, conditional: 0.2 },
  runs: 5,
};

export interface Timing {
  median: number;
  p95: number;
}

export interface CaseFigures {
  nodes: number;
  validation: Timing;
  search: Timing;
  /** Peak resident memory of the process that ran the case, in MB. */
  peakMB: number;
}

function time(label: string, runs: number, fn: () => void, prepare: () => void = () => {}): Timing {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  console.log(`  ${label.padEnd(28)} median ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms`);
  return { median: at(0.5), p95: at(0.95) };
}

/** Generates one case's scenario, checks it is valid, and times validation and the exact search (each on a fresh copy, so no cache helps). */
function runCase(bench: BenchCase): CaseFigures {
  const { seed, options, runs } = bench;
  const scenario = randomScenario(seed, options);
  const choices = scenario.nodes.reduce((sum, n) => sum + (n.type === 'decision' ? n.choices.length : 0), 0);
  const conditions = scenario.nodes.reduce(
    (sum, n) => sum + (n.type === 'decision' ? n.choices.filter((c) => typeof c.next !== 'string').length : 0),
    0,
  );
  console.log(
    `Case "${bench.name}": seed ${seed}, ${scenario.nodes.length} nodes, ${choices} choices (${conditions} with conditional routes: below, atLeast, all, any), ` +
      `${scenario.meters.length} meters of range 0-${options.meterMax}, ${runs} runs each.`,
  );
  const diagnostics = validateScenario({ file: 'bench', data: scenario }).diagnostics;
  if (diagnostics.length > 0)
    throw new Error(`the generated scenario has ${diagnostics.length} diagnostics, the first: ${diagnostics[0]!.message}`);
  let copy = structuredClone(scenario);
  const fresh = () => (copy = structuredClone(scenario));
  const validation = time('validation', runs, () => validateScenario({ file: 'bench', data: copy }), fresh);
  const search = time('exact search of best runs', runs, () => bestRuns(copy), fresh);
  const best = Object.entries(bestRuns(scenario)).map(([p, run]) => `${p} ${run.points} in ${run.steps.length} decisions`);
  console.log(`  best runs: ${best.join(', ')}`);
  const peakMB = process.resourceUsage().maxRSS / 1024;
  console.log(`  peak resident memory of the process: ${peakMB.toFixed(0)} MB`);
  return { nodes: scenario.nodes.length, validation, search, peakMB };
}

/** Runs a case in a child process, so its peak memory is measured alone; its report goes to this output. */
function runCaseApart(bench: BenchCase): CaseFigures {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', bench.name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = child.stdout.trimEnd().split('\n');
  if (child.status !== 0) throw new Error(`the benchmark case "${bench.name}" failed:\n${child.stdout}`);
  console.log(lines.slice(0, -1).join('\n'));
  return JSON.parse(lines[lines.length - 1]!) as CaseFigures;
}

/** Both cases: the large graph in this process, the many-states case in a child process. */
export function runBench(): { largeGraph: CaseFigures; manyStates: CaseFigures } {
  return { largeGraph: runCase(largeGraph), manyStates: runCaseApart(manyStates) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.indexOf('--case');
  if (only >= 0) {
    const bench = [largeGraph, manyStates].find((c) => c.name === process.argv[only + 1]);
    if (!bench) throw new Error(`no benchmark case "${process.argv[only + 1]}"`);
    // The last line is the figures, for the parent process.
    console.log(JSON.stringify(runCase(bench)));
  } else {
    runBench();
  }
}
