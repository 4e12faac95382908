// The exact search of one generated scenario, timed in a process of its own so that its peak
// resident memory is the search's: `npm run bench` bundles this file into plain JavaScript and
// runs it with the case as its argument (seed, generator options, runs), then reads the figures
// from its last line of output. The peak is read after the first search, before later runs'
// garbage can pile up.
import { performance } from 'node:perf_hooks';
import { randomScenario, type RandomScenarioOptions } from '../engine/random-scenario.ts';
import { bestRuns } from '../engine/best-runs.ts';

const { seed, options, runs } = JSON.parse(process.argv[2] ?? '{}') as { seed: number; options: RandomScenarioOptions; runs: number };
const scenario = randomScenario(seed, options);
const wall: number[] = [];
const cpu: number[] = [];
let peakMB = 0;
for (let i = 0; i < runs; i++) {
  // A fresh copy after the first run, so the cache of the previous run does not answer.
  const copy = i === 0 ? scenario : structuredClone(scenario);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  bestRuns(copy);
  wall.push(performance.now() - start);
  const used = process.cpuUsage(cpuBefore);
  cpu.push((used.user + used.system) / 1000);
  if (i === 0) peakMB = process.resourceUsage().maxRSS / 1024;
}
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor((samples.length - 1) / 2)]!;
const best = Object.entries(bestRuns(scenario)).map(([p, run]) => `${p} ${run.points} in ${run.steps.length} decisions`);
console.log(JSON.stringify({ wall: median(wall), cpu: median(cpu), peakMB, best }));
