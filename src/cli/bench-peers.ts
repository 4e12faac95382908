// `npm run bench:peers`: our scenario player against the ink runtime playing the same story, side
// by side in one run. A benchmark to read, not a timed test.
//
// For each scenario in each language it writes the story in ink (src/peers/ink.ts), compiles it
// with inkjs's own compiler, checks that ink and our engine reach the same ending with the same
// meters on every path, and builds a minimal ink page: the minified runtime from node_modules,
// the compiled JSON and a few lines of DOM code. Both are served by our own server from one port
// the way a static host serves them (gzip), and loaded in alternation, each round in a fresh
// browser context with the CPU slowed and the network shaped through the DevTools protocol.
//   npm run bench:peers                          5 rounds, every scenario page in both languages
//   npm run bench:peers -- --rounds=9 --pages=en/client
//   npm run bench:peers -- --latency=150 --down=1600 --up=750   network: ms, kbit/s, kbit/s
import { chromium, type Browser } from '@playwright/test';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findChromium } from './chromium.ts';
import { scenario as scenarioSchema } from '../engine/schema.ts';
import { localize } from '../engine/localize.ts';
import { replay } from '../engine/run.ts';
import type { Choice, Step } from '../engine/types.ts';
import { locales, type Locale } from '../engine/locales.ts';
import en from '../i18n/en.json' with { type: 'json' };
import ru from '../i18n/ru.json' with { type: 'json' };
import { checkInkPaths, compileInk, inkSource } from '../peers/ink.ts';
import { startServer, type ServedResponse } from './serve.ts';
import { forcedLayouts, type TraceEvent as BaseTraceEvent } from './trace-layouts.ts';

const ui = { en, ru } as const;

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} takes a positive number, not "${arg?.slice(name.length + 3)}".`);
    process.exit(1);
  }
  return value;
}

/**
 * The conditions, stated as numbers. The defaults are Chrome DevTools' "Fast 3G" preset (562.5 ms
 * round trip, 1.44 Mbit/s down, 675 kbit/s up: the preset's 150 ms / 1.6 Mbit/s / 750 kbit/s
 * with its own adjustment factors) and a 4× slower CPU, as in Lighthouse's mobile preset.
 */
const conditions = {
  rounds: option('rounds', 5),
  cpu: option('cpu', 4),
  latency: option('latency', 562.5),
  downKbit: option('down', 1440),
  upKbit: option('up', 675),
};
/** Choices timed after the first one. */
const timedChoices = 6;
const pagesArg = process.argv.find((a) => a.startsWith('--pages='))?.slice('--pages='.length);
/** With `--trace`, each round records a DevTools trace and tells where each timed step's time went. */
const tracing = process.argv.includes('--trace');

interface Side {
  name: 'ours' | 'ink';
  url: (locale: Locale, id: string) => string;
  /** Where the story is shown, for the page to watch. */
  stage: string;
}

const sides: Side[] = [
  { name: 'ours', url: (l, id) => `/${l}/scenarios/${id}/`, stage: '#player' },
  { name: 'ink', url: (l, id) => `/peers/ink/${l}/${id}/`, stage: '#story' },
];

interface Round {
  /** Navigation start to the first choice's consequence on screen, ms. */
  firstChoice: number;
  /** The six decisions after the first, each from its click to its consequence on screen and from Continue to the next moment, ms. */
  sixChoices: number;
  /** JavaScript heap in use after play and a garbage collection, bytes. */
  heap: number;
  /** Response bodies the page fetched (compressed as sent), bytes. */
  transfer: number;
  /** Response bodies the service worker fetched during the round for the visit's language and every page, bytes. */
  precache: number;
  /** What it fetched for the other language (when the page was idle), bytes. */
  precacheLater: number;
  /** `transfer` by kind of file (`kindOf`), bytes. */
  parts: Record<Kind, number>;
  /** Elements in the document after play. */
  elements: number;
  /** With `--trace`: the main thread's time in each timed step (a choice, then its Continue), by category, ms. */
  steps: Record<Category, number>[];
  /**
   * With `--trace`: the same as the CPU time the main thread used (the trace's thread time), ms.
   * On a shared machine the elapsed time above grows with every other process, while the CPU
   * time a step needs stays much the same: compare variants by this one.
   */
  cpu: Record<Category, number>[];
  /** With `--trace`: the layouts a script forced between the first timed click and the last step's paint (`forcedLayouts`). */
  forced: number;
}

const kinds = ['html', 'css', 'js', 'story', 'portraits', 'map', 'fonts', 'other'] as const;
type Kind = (typeof kinds)[number];

/** What a response is, by its path: the page, its styles, code, the story's data (our props, ink's JSON), faces, the map's fragment. */
function kindOf(path: string): Kind {
  if (/\/map\/(index\.html)?$/.test(path)) return 'map';
  if (path.startsWith('/portraits/')) return 'portraits';
  if (path.endsWith('.json')) return 'story';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'fonts';
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  return 'other';
}

const categories = ['script', 'style', 'layout', 'paint', 'other'] as const;
type Category = (typeof categories)[number];

/** A trace event's category, by its name, as DevTools' performance panel groups them. */
function categoryOf(name: string): Category {
  if (
    /^(FunctionCall|EvaluateScript|EventDispatch|TimerFire|FireAnimationFrame|FireIdleCallback|RunMicrotasks|V8\.|v8\.|MajorGC|MinorGC|BlinkGC)/.test(
      name,
    )
  )
    return 'script';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)/.test(name)) return 'style';
  if (/^(Layout|IntersectionObserverController|ResizeObserverController)/.test(name)) return 'layout';
  if (
    /^(Paint|PrePaint|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|Decode|ImageDecodeTask|Rasterize)/.test(name)
  )
    return 'paint';
  return 'other';
}

interface TraceEvent extends BaseTraceEvent {
  /** Thread (CPU) time, µs. */
  tdur?: number;
  args?: { data?: { frame?: string }; name?: string };
}

/**
 * The renderer's main-thread time between each pair of marks `bench-start-N` and `bench-end-N`
 * (put by the page probe), as self time by category: a layout inside a script's call counts as
 * layout, so a forced layout shows as layout time, not script. `wall` is elapsed time, `cpu` the
 * thread time the same events used (for an event cut by a mark, in proportion), both in ms.
 */
function stepsOf(events: TraceEvent[]): { wall: Record<Category, number>[]; cpu: Record<Category, number>[] } {
  const main = events.find(
    (e) =>
      e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((m) => m.tid === e.tid && m.name.startsWith('bench-')),
  );
  if (!main) return { wall: [], cpu: [] };
  const own = events.filter((e) => e.tid === main.tid && e.pid === main.pid);
  const marks = new Map(own.filter((e) => e.name.startsWith('bench-')).map((e) => [e.name, e.ts]));
  const complete = own.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const wall: Record<Category, number>[] = [];
  const cpu: Record<Category, number>[] = [];
  const indices = [...marks.keys()].flatMap((name) => (name.startsWith('bench-start-') ? [Number(name.slice('bench-start-'.length))] : []));
  for (const i of indices.sort((a, b) => a - b)) {
    const [from, to] = [marks.get(`bench-start-${i}`)!, marks.get(`bench-end-${i}`)];
    if (to === undefined) continue;
    const zero = () => Object.fromEntries(categories.map((c) => [c, 0])) as Record<Category, number>;
    const [sum, sumCpu] = [zero(), zero()];
    // Self time: each event's duration less its children's, the children being the events that start and end inside it.
    const stack: { end: number; category: Category; self: number; selfCpu: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && stack.at(-1)!.end <= until) {
        const done = stack.pop()!;
        sum[done.category] += done.self / 1000;
        sumCpu[done.category] += done.selfCpu / 1000;
      }
    };
    for (const e of complete) {
      if (e.ts + e.dur! < from || e.ts > to) continue;
      close(e.ts);
      const start = Math.max(e.ts, from);
      const end = Math.min(e.ts + e.dur!, to);
      const thread = ((e.tdur ?? 0) * (end - start)) / Math.max(e.dur!, 1);
      const parent = stack.at(-1);
      if (parent) {
        parent.self -= end - start;
        parent.selfCpu -= thread;
      }
      // Nested events take their parent's category unless they name their own (a task's script, a script's layout).
      const category = categoryOf(e.name);
      stack.push({
        end: e.ts + e.dur!,
        category: category === 'other' && parent ? parent.category : category,
        self: end - start,
        selfCpu: thread,
      });
    }
    close(Number.POSITIVE_INFINITY);
    wall.push(sum);
    cpu.push(sumCpu);
  }
  return { wall, cpu };
}

/** From the first timed click to the last step's paint (the page probe's marks), µs; all of time in a trace without them. */
function stepsSpan(events: TraceEvent[]): [number, number] {
  const marks = events.filter((e) => e.name.startsWith('bench-'));
  if (marks.length === 0) return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  return [Math.min(...marks.map((e) => e.ts)), Math.max(...marks.map((e) => e.ts))];
}

const scenarioDir = 'content/scenarios';

function loadScenarios() {
  return ['client', 'contractor'].map((id) => scenarioSchema.parse(parse(readFileSync(join(scenarioDir, `${id}.yaml`), 'utf8'))));
}

/** The longest path from the start to an ending (the first such in authoring order): enough decisions for every timing. */
function longestPath(scenario: ReturnType<typeof loadScenarios>[number]): Step[] {
  let best: Step[] = [];
  const walk = (steps: Step[]) => {
    const state = replay(scenario, steps)!;
    if (state.ended) {
      if (steps.length > best.length) best = steps;
      return;
    }
    for (const c of state.node.type === 'decision' ? state.node.choices : []) walk([...steps, { node: state.node.id, choice: c.id }]);
  };
  walk([]);
  return best;
}

/** The minimal ink page: the runtime and the story fetched in parallel, then text and buttons. */
function inkPage(locale: Locale, title: string): string {
  // Only ever made faster: the runtime is deferred from <head>, the story preloaded beside it, no
  // icon asked for (a browser would ask for /favicon.ico and count the server's 404 page),
  // the DOM built once per step in a fragment, and the previous step removed rather than kept.
  const main = `fetch('story.json').then(r=>r.json()).then(j=>{const s=new inkjs.Story(j),root=document.getElementById('story');const step=()=>{const f=document.createDocumentFragment();while(s.canContinue){const t=s.Continue().trim();if(t){const p=document.createElement('p');p.textContent=t;f.append(p)}}s.currentChoices.forEach((c,i)=>{const b=document.createElement('button');b.className='choice';b.textContent=c.text;b.onclick=()=>{s.ChooseChoiceIndex(i);root.textContent='';step()};f.append(b)});root.append(f)};step()})`;
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><link rel="icon" href="data:,"><link rel="preload" href="story.json" as="fetch" crossorigin><script defer src="/peers/ink/ink.js"></script><script type="module">${main}</script></head><body><main id="story"></main></body></html>`;
}

/** Writes the ink versions into a fresh folder, after checking each against the engine on every path. */
function buildInk(scenarios: ReturnType<typeof loadScenarios>): string {
  const dir = mkdtempSync(join(tmpdir(), 'checks-bench-ink-'));
  const require = createRequire(import.meta.url);
  copyFileSync(join(require.resolve('inkjs'), '..', 'ink.js'), join(dir, 'ink.js'));
  for (const scenario of scenarios)
    for (const locale of locales) {
      const playable = localize(scenario, locale);
      const json = compileInk(inkSource(playable, ui[locale]['player.continue']));
      const check = checkInkPaths(playable, json);
      if (check.mismatches.length > 0)
        throw new Error(`ink and the engine differ in ${scenario.id}/${locale}:\n${check.mismatches.join('\n')}`);
      console.log(`${locale}/${scenario.id}: ink and the engine agree on all ${check.paths} paths (ending, meters, points).`);
      const out = join(dir, locale, scenario.id);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'story.json'), json);
      writeFileSync(join(out, 'index.html'), inkPage(locale, playable.title));
    }
  return dir;
}

// Installed before any page script: records when each click happened, and resolves when a text
// is on screen in the stage, after the frame that paints it.
const pageProbe = () => {
  const w = window as unknown as Record<string, unknown>;
  let lastClick = 0;
  let step = 0;
  addEventListener('click', (e) => (lastClick = e.timeStamp), true);
  w['__benchClick'] = () => lastClick;
  w['__benchShown'] = (stage: string, text: string, button: boolean) =>
    new Promise<number>((resolve, reject) => {
      setTimeout(() => reject(new Error(`"${text}" was not shown within 30 s of waiting: was the click lost?`)), 30_000);
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
      const shown = () => {
        const root = document.querySelector(stage);
        if (!root) return false;
        // The expected text is read from the content, which may hold no-break spaces ("Net 30"): both sides are normalised.
        if (button) return [...root.querySelectorAll('button')].some((b) => norm(b.textContent ?? '') === norm(text));
        return norm(root.textContent ?? '').includes(norm(text));
      };
      const done = () =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const at = performance.now();
            // For a trace (--trace): where each step went from its click to its consequence on screen.
            performance.mark(`bench-start-${step}`, { startTime: lastClick });
            performance.mark(`bench-end-${step++}`, { startTime: at });
            resolve(at);
          }),
        );
      if (shown()) {
        done();
        return;
      }
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        done();
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    });
};

async function playRound(
  browser: Browser,
  origin: string,
  side: Side,
  locale: Locale,
  scenario: ReturnType<typeof loadScenarios>[number],
  path: Step[],
  served: ServedResponse[],
): Promise<Round> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: conditions.latency,
    downloadThroughput: (conditions.downKbit * 1000) / 8,
    uploadThroughput: (conditions.upKbit * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: conditions.cpu });
  await page.addInitScript(pageProbe);
  served.length = 0;
  const playable = localize(scenario, locale);
  const labelOf = (step: Step) =>
    (playable.nodes.find((n) => n.id === step.node) as { choices: Choice[] }).choices.find((c) => c.id === step.choice)!.label as string;
  const titleAfter = (steps: Step[]) => replay(playable, steps)!.node.title as string;
  const continueLabel = ui[locale]['player.continue'];
  const shown = (text: string, button: boolean) =>
    page.evaluate(
      ([stage, t, b]) =>
        (window as unknown as { __benchShown: (s: string, t: string, b: boolean) => Promise<number> }).__benchShown(stage, t, b),
      [side.stage, text, button] as const,
    );
  const lastClick = () => page.evaluate(() => (window as unknown as { __benchClick: () => number }).__benchClick());
  const choose = (label: string) => page.getByRole('button', { name: label, exact: true }).first().click({ timeout: 60_000 });

  await page.goto(new URL(side.url(locale, scenario.id), origin).href, { waitUntil: 'commit' });
  // The first choice is clicked as soon as it is visible; its consequence must follow in this document.
  const firstShown = shown(continueLabel, true);
  await choose(labelOf(path[0]!));
  const firstChoice = await firstShown;
  let sixChoices = 0;
  const timed = async (label: string, text: string, button: boolean) => {
    const done = shown(text, button);
    await choose(label);
    const at = await done;
    sixChoices += at - (await lastClick());
  };
  // Continue to the second decision, untimed: the six choices are the decisions after the first.
  const second = shown(titleAfter(path.slice(0, 1)), false);
  await choose(continueLabel);
  await second;
  const trace: TraceEvent[] = [];
  if (tracing) {
    cdp.on('Tracing.dataCollected', ({ value }) => trace.push(...(value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,blink.user_timing,v8.execute,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    });
  }
  for (let i = 1; i <= timedChoices; i++) {
    await timed(labelOf(path[i]!), continueLabel, true);
    await timed(continueLabel, titleAfter(path.slice(0, i + 1)), false);
  }
  if (tracing) {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
  }
  const elements = await page.evaluate(() => document.querySelectorAll('*').length);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // The service worker precaches after the page has loaded: wait until the server has been quiet.
  let count = -1;
  for (let waited = 0; waited < 20_000 && count !== served.length; waited += 1500) {
    count = served.length;
    await new Promise((r) => setTimeout(r, 1500));
  }
  const byWorker = (r: ServedResponse) => r.path.endsWith('/sw.js') || /\/sw\.js$|\/workbox-[^/]+\.js$/.test(r.referer ?? '');
  const sum = (rs: ServedResponse[]) => rs.reduce((total, r) => total + r.bytes, 0);
  const otherLanguage = (r: ServedResponse) => locales.some((l) => l !== locale && r.path.startsWith(`/${l}/`));
  const round = {
    firstChoice,
    sixChoices,
    heap: usedSize,
    transfer: sum(served.filter((r) => !byWorker(r))),
    precache: sum(served.filter((r) => byWorker(r) && !otherLanguage(r))),
    precacheLater: sum(served.filter((r) => byWorker(r) && otherLanguage(r))),
    parts: Object.fromEntries(kinds.map((k) => [k, sum(served.filter((r) => !byWorker(r) && kindOf(r.path) === k))])) as Record<
      Kind,
      number
    >,
    elements,
    ...(({ wall, cpu }) => ({ steps: wall, cpu }))(stepsOf(trace)),
    forced: forcedLayouts(trace, ...stepsSpan(trace)).length,
  };
  await context.close();
  return round;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main() {
  if (!existsSync('dist/index.html')) {
    console.error('No build in dist/: run `npm run build` first.');
    process.exit(1);
  }
  const scenarios = loadScenarios();
  const inkDir = buildInk(scenarios);
  const served: ServedResponse[] = [];
  const server = startServer({ port: 0, mounts: { '/peers/ink/': inkDir }, encodings: ['gzip'], onResponse: (r) => served.push(r) });
  await once(server, 'listening');
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH.');
  const browser = await chromium.launch({
    executablePath,
    args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const pages = locales
    .flatMap((locale) => scenarios.map((scenario) => ({ locale, scenario, path: longestPath(scenario) })))
    .filter((p) => !pagesArg || pagesArg.split(',').includes(`${p.locale}/${p.scenario.id}`));
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  console.log(
    `\n${conditions.rounds} rounds; CPU ${conditions.cpu}× slower; network ${conditions.latency} ms round trip, ${conditions.downKbit} kbit/s down, ${conditions.upKbit} kbit/s up; gzip. Load average before: ${load}.`,
  );
  const results = new Map<string, Round[]>();
  try {
    for (let round = 0; round < conditions.rounds; round++)
      for (const { locale, scenario, path } of pages) {
        // Alternate which side goes first, so neither always meets a warmer machine.
        const order = round % 2 === 0 ? sides : [...sides].reverse();
        for (const side of order) {
          const key = `${side.name} ${locale}/${scenario.id}`;
          const r = await playRound(browser, origin, side, locale, scenario, path, served);
          results.set(key, [...(results.get(key) ?? []), r]);
          process.stdout.write('.');
        }
      }
  } finally {
    await browser.close();
    server.close();
    rmSync(inkDir, { recursive: true, force: true });
  }
  console.log(
    `\nLoad average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}.\n`,
  );
  const metrics = [
    ['first choice that responds', 'firstChoice', (v: number) => `${(v / 1000).toFixed(2)} s`],
    [`${timedChoices} choices`, 'sixChoices', (v: number) => `${Math.round(v)} ms`],
    ['JS heap after play', 'heap', (v: number) => `${(v / 1024 / 1024).toFixed(2)} MB`],
    ['transferred (gzip)', 'transfer', (v: number) => `${(v / 1024).toFixed(1)} KB`],
    ['service-worker precache, this language', 'precache', (v: number) => `${(v / 1024).toFixed(1)} KB`],
    ['service-worker precache, other language (idle)', 'precacheLater', (v: number) => `${(v / 1024).toFixed(1)} KB`],
  ] as const;
  console.log(`| page | metric | ours | ink | ours/ink |\n|---|---|---|---|---|`);
  for (const { locale, scenario } of pages) {
    const ours = results.get(`ours ${locale}/${scenario.id}`)!;
    const ink = results.get(`ink ${locale}/${scenario.id}`)!;
    for (const [label, key, show] of metrics) {
      const a = median(ours.map((r) => r[key]));
      const b = median(ink.map((r) => r[key]));
      const ratio = key.startsWith('precache') ? '' : `${(a / b).toFixed(2)}×`;
      console.log(`| /${locale}/scenarios/${scenario.id}/ | ${label} | ${show(a)} | ${show(b)} | ${ratio} |`);
    }
  }
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log(`\nWhat each page transferred (gzip, KB, medians), ours / ink, and the elements in the document after play:\n`);
  console.log(`| page | ${kinds.join(' | ')} | elements |\n|---|${kinds.map(() => '---|').join('')}---|`);
  for (const { locale, scenario } of pages) {
    const [ours, ink] = (['ours', 'ink'] as const).map((side) => results.get(`${side} ${locale}/${scenario.id}`)!);
    const cell = (k: Kind) => `${kb(median(ours!.map((r) => r.parts[k])))} / ${kb(median(ink!.map((r) => r.parts[k])))}`;
    const elements = `${median(ours!.map((r) => r.elements))} / ${median(ink!.map((r) => r.elements))}`;
    console.log(`| /${locale}/scenarios/${scenario.id}/ | ${kinds.map(cell).join(' | ')} | ${elements} |`);
  }
  if (!tracing) return;
  console.log(`\nThe main thread in each timed step (a choice, then Continue), ms, medians, ${categories.join(' / ')}; ours, then ink:\n`);
  for (const { locale, scenario } of pages)
    for (const side of ['ours', 'ink'] as const) {
      const rounds = results.get(`${side} ${locale}/${scenario.id}`)!;
      const count = Math.min(...rounds.map((r) => r.steps.length));
      const cells = Array.from({ length: count }, (_, i) =>
        categories.map((c) => Math.round(median(rounds.map((r) => r.steps[i]![c])))).join('/'),
      );
      const totals = categories.map((c) => `${c} ${Math.round(median(rounds.map((r) => r.steps.reduce((t, s) => t + s[c], 0))))}`);
      console.log(`/${locale}/scenarios/${scenario.id}/ ${side}: ${cells.join(', ')}; in all: ${totals.join(', ')}`);
    }
  // The elapsed times above and the six choices' figure grow with the machine's load; the CPU
  // time the main thread spent on the same steps much less, so this is the figure to compare
  // changes by on a shared machine.
  console.log(`\nThe main thread's CPU time over the ${timedChoices} choices (thread time, ms, medians):\n`);
  console.log(`| page | side | ${categories.join(' | ')} | all | ours/ink |\n|---|---|${categories.map(() => '---|').join('')}---|---|`);
  const cpuOf = (rounds: Round[], c?: Category) =>
    median(rounds.map((r) => r.cpu.reduce((t, s) => t + (c ? s[c] : categories.reduce((all, k) => all + s[k], 0)), 0)));
  for (const { locale, scenario } of pages) {
    const [ours, ink] = (['ours', 'ink'] as const).map((side) => results.get(`${side} ${locale}/${scenario.id}`)!);
    for (const side of ['ours', 'ink'] as const) {
      const rounds = side === 'ours' ? ours! : ink!;
      const ratio = side === 'ours' ? `${(cpuOf(ours!) / cpuOf(ink!)).toFixed(2)}×` : '';
      const cells = categories.map((c) => Math.round(cpuOf(rounds, c))).join(' | ');
      console.log(`| /${locale}/scenarios/${scenario.id}/ | ${side} | ${cells} | ${Math.round(cpuOf(rounds))} | ${ratio} |`);
    }
  }
  // Issue #13: a choice never forces a synchronous layout. The most any round had, per side.
  console.log(`\nLayouts forced by a script over the ${timedChoices} choices (the most in any round):\n`);
  console.log('| page | ours | ink |\n|---|---|---|');
  for (const { locale, scenario } of pages) {
    const [ours, ink] = (['ours', 'ink'] as const).map((side) =>
      Math.max(...results.get(`${side} ${locale}/${scenario.id}`)!.map((r) => r.forced)),
    );
    console.log(`| /${locale}/scenarios/${scenario.id}/ | ${ours} | ${ink} |`);
  }
}

await main();
