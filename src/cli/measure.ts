// `npm run measure`: the weight gate. For every built page, the gzipped JavaScript it loads
// before its first working choice (inline scripts and module scripts with their static imports;
// on a player page that renders each first choice's consequence ahead, the player it loads with
// import() is not needed for that choice) and with its lazy chunks (dynamic imports), frames
// included; its CSS and its HTML. Fails when a
// page is over its gate; reports where a page is still over the budget DESIGN.md sets. Code a
// page loads only on a click (chunks named on-click-…, such as the spreadsheet writer) is
// measured apart, against its own budget. Builds first when there is no build.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { buildTimeFile } from '../integrations/build-timer.ts';
import { runBench } from './bench.ts';
import { moduleClosure } from '../integrations/module-graph.ts';
import { castFile } from '../course/portraits.ts';
import { expressions } from '../engine/expression.ts';

const dist = resolve('dist');
const KB = 1024;

/**
 * What the peers' learner-facing players ship, gzipped bytes (measured for the project's
 * issue #8 from each project's release builds): the story formats of Twine (Harlowe 3.3.9,
 * SugarCube 2.37.3, Chapbook 2.3.0), the ink runtime (inkjs 2.4.0), and H5P's core script
 * (h5p.js, which also needs jQuery 3.5.1) plus its Branching Scenario library.
 */
export const peers = [
  { name: 'Harlowe 3.3.9', bytes: 274_987 },
  { name: 'SugarCube 2.37.3', bytes: 163_420 },
  { name: 'Chapbook 2.3.0', bytes: 47_308 },
  { name: 'inkjs 2.4.0', bytes: 31_332 },
  { name: 'H5P h5p.js + Branching Scenario (without jQuery)', bytes: 53_962 + 22_000 },
];

type Kind = 'player' | 'interactive' | 'join' | 'reading';

interface Budget {
  /** JavaScript up to the first working choice (players only). */
  first?: number;
  /** JavaScript with every lazy chunk. */
  js: number;
  css: number;
}

/**
 * Budgets per kind of page, gzipped bytes (DESIGN.md): a scenario player (the scenario page, an
 * embed frame) 12 KB of JavaScript up to its first working choice and 16 KB with its lazy
 * chunks; other interactive pages 16 KB; the phone's page in a live room (old phones, bad
 * Wi-Fi) 8 KB; reading pages (home, lessons, templates, glossary, a scenario's text version)
 * 3 KB; CSS 12 KB a page.
 */
export const budgets: Record<Kind, Budget> = {
  player: { first: 12 * KB, js: 16 * KB, css: 12 * KB },
  interactive: { js: 16 * KB, css: 12 * KB },
  join: { js: 8 * KB, css: 12 * KB },
  reading: { js: 3 * KB, css: 12 * KB },
};

/**
 * Where a budget is not met yet, the gate `npm test` holds instead, with the reason. A page over
 * its gate fails; a page over its budget but within its gate is listed as still to do.
 */
export const gates: Partial<Record<Kind, { budget: Partial<Budget>; why: string }>> = {};

/**
 * The budget of each chunk loaded only on a click, gzipped bytes (issue #18: the spreadsheet
 * writer; also the projector's QR maker and live voting's code, loaded when it is switched on).
 */
export const onClickBudget = 24 * KB;

/**
 * A person's portraits, every expression, gzipped bytes (issue #14: at most 3 KB a character),
 * in the one file that holds the cast. Portraits are counted in the transfer of each page that shows them.
 */
export const portraitBudget = 3 * KB;

/** Chunks a page loads only when someone clicks: named so in astro.config.mjs, counted apart. */
const isOnClick = (file: string) => /^on-click-/.test(file.split(/[\\/]/).pop()!);

const playerPattern = /^\/(?:en|ru)\/(?:scenarios|embed)\/[^/]+\/$/;
const interactivePattern = /^\/(?:en|ru)\/(?:scenarios\/[^/]+\/$|progress|facilitate|embed)\/?/;
const joinPattern = /^\/(?:en|ru)\/join\//;

export function pageKind(path: string): Kind {
  if (playerPattern.test(path)) return 'player';
  if (joinPattern.test(path)) return 'join';
  return interactivePattern.test(path) ? 'interactive' : 'reading';
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function urlPathOf(file: string): string {
  const rel = `/${relative(dist, file).split('\\').join('/')}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/** A site-absolute or relative reference to a file in dist, or undefined for other sites. */
function fileFor(ref: string, fromUrlDir: string): string | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(ref) || ref.startsWith('data:')) return undefined;
  const clean = ref.split(/[?#]/)[0]!;
  const path = clean.startsWith('/') ? clean : join(fromUrlDir, clean);
  let file = join(dist, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : undefined;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}=["']([^"']+)["']`, 'i').exec(tag)?.[1];

interface Weight {
  /**
   * JavaScript before the first working choice: inline scripts, module scripts and their static
   * imports, and what inline scripts load with import() unless the page renders its first choices'
   * consequences ahead.
   */
  first: number;
  /** JavaScript with the lazy chunks. */
  js: number;
  css: number;
  html: number;
  /** Images the page's HTML names (each file once, gzipped): loaded after the first paint, off the critical path. */
  img: number;
  /** Chunks the page loads only on a click, not counted in `js`, with the gzipped bytes each adds. */
  onClick: Map<string, number>;
}

/** The gzipped bytes an on-click chunk adds to a page that already loaded `loaded`. */
export function onClickWeight(chunk: string, loaded: Set<string>): number {
  const { eager, lazy } = moduleClosure(chunk);
  return [...eager, ...lazy].filter((f) => !loaded.has(f)).reduce((sum, f) => sum + gz(readFileSync(f)), 0);
}

/**
 * Whether a page's first choices work before its player's code arrives: it carries the
 * early-choice script (layouts/boot/early-choice.ts, which keeps the choice in
 * `data-early-choice`) and, for every choice button on it, that choice's consequence rendered
 * ahead (`<template data-early-view="{choice}">`).
 */
export function answersFirstChoicesAhead(html: string): boolean {
  const ahead = new Set(html.matchAll(/<template\b[^>]*\bdata-early-view="([^"]+)"/gi).map((m) => m[1]));
  const outside = html.replace(/<template\b[\s\S]*?<\/template>/gi, '');
  const choices = [...outside.matchAll(/<button\b[^>]*\bdata-choice="([^"]+)"/gi).map((m) => m[1])];
  return /\bearlyChoice\b/.test(outside) && choices.length > 0 && choices.every((c) => ahead.has(c));
}

export function measurePage(file: string, framesSeen = new Set<string>()): Weight {
  const html = readFileSync(file, 'utf8');
  const urlDir = urlPathOf(file).replace(/[^/]*$/, '');
  const eager = new Set<string>();
  const lazy = new Set<string>();
  const onClick = new Set<string>();
  const css = new Set<string>();
  const addModule = (entry: string) => {
    const closure = moduleClosure(entry, isOnClick);
    for (const f of closure.eager) eager.add(f);
    for (const f of closure.lazy) lazy.add(f);
    for (const f of closure.apart) onClick.add(f);
  };
  let inlineJs = '';
  let inlineCss = '';
  const loaded: string[] = [];
  for (const [tag, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi).map((m) => [m[1]!, m[2]!] as const)) {
    const src = attr(tag, 'src');
    const type = attr(tag, 'type');
    if (type && !/module|javascript/i.test(type)) continue;
    if (src) {
      const f = fileFor(src, urlDir);
      if (f) addModule(f);
    } else {
      inlineJs += body;
      for (const [, url] of body.matchAll(/\bimport\(\s*"([^"]+\.js)"\s*\)/g)) {
        const f = fileFor(url!, urlDir);
        if (f) loaded.push(f);
      }
    }
  }
  // A script an inline script loads with import(): on a page that renders the consequence of each
  // first choice ahead (a player's early views, layouts/boot/early-choice.ts), the first choice
  // works without it, so it counts with the lazy chunks; on any other page it is needed first.
  const worksFirstWithout = answersFirstChoicesAhead(html);
  for (const f of loaded) {
    const closure = moduleClosure(f, isOnClick);
    for (const g of [...closure.eager, ...closure.lazy]) (worksFirstWithout ? lazy : eager).add(g);
    for (const g of closure.apart) onClick.add(g);
  }
  for (const tag of html.matchAll(/<link\b[^>]*>/gi).map((m) => m[0])) {
    const rel = attr(tag, 'rel') ?? '';
    const href = attr(tag, 'href');
    const f = href ? fileFor(href, urlDir) : undefined;
    if (!f) continue;
    if (/stylesheet/i.test(rel)) css.add(f);
    // A script an inline script loads with import(), preloaded further down the page (the
    // scenario page's player, before its data), is weighed with it above, as that script is.
    if (/modulepreload/i.test(rel) && !loaded.includes(f)) addModule(f);
  }
  // Images an <img> names, and those a style attribute draws (a portrait is a part of the cast's sheet).
  const images = new Set(
    [
      ...html.matchAll(/<img\b[^>]*>/gi).map((m) => attr(m[0], 'src')),
      ...html.matchAll(/\sstyle="[^"]*?url\((?:&quot;|&#34;|')?([^"'&)]+)/gi).map((m) => m[1]),
    ]
      .map((src) => (src ? fileFor(src, urlDir) : undefined))
      .filter((f): f is string => f !== undefined),
  );
  for (const f of eager) lazy.delete(f);
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inlineCss += m[1];
  const sum = (files: Set<string>) => [...files].reduce((total, f) => total + gz(readFileSync(f)), 0);
  const first = sum(eager) + (inlineJs.trim() ? gz(inlineJs) : 0);
  const weight: Weight = {
    first,
    js: first + sum(lazy),
    css: sum(css) + (inlineCss.trim() ? gz(inlineCss) : 0),
    html: gz(html),
    img: sum(images),
    // What a click loads is weighed against what the page already has.
    onClick: new Map([...onClick].map((chunk) => [chunk, onClickWeight(chunk, new Set([...eager, ...lazy]))])),
  };
  // A frame's page loads with its host: count what it loads too, for iframes in the HTML and
  // for those the embed loader creates from <checks-scenario scenario lang>.
  const frames = [
    ...html.matchAll(/<iframe\b[^>]*>/gi).map((m) => attr(m[0], 'src')),
    ...html
      .matchAll(/<checks-scenario\b[^>]*>/gi)
      .map((m) => `/${attr(m[0], 'lang') === 'ru' ? 'ru' : 'en'}/embed/${attr(m[0], 'scenario')}/`),
  ];
  for (const src of frames) {
    const f = src ? fileFor(src, urlDir) : undefined;
    if (!f?.endsWith('.html') || framesSeen.has(f)) continue;
    framesSeen.add(f);
    const frame = measurePage(f, framesSeen);
    weight.first += frame.first;
    weight.js += frame.js;
    weight.css += frame.css;
    weight.img += frame.img;
    for (const [chunk, bytes] of frame.onClick) weight.onClick.set(chunk, bytes);
  }
  return weight;
}

function main() {
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('No build found: building first.');
    execSync('npx astro build', { stdio: 'inherit' });
  }
  const rows = htmlFiles(dist)
    .map((file) => ({ path: urlPathOf(file), kind: pageKind(urlPathOf(file)), ...measurePage(file) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const kb = (n: number) => (n / KB).toFixed(1).padStart(6);
  const failures: string[] = [];
  const todo = new Map<Kind, string[]>();
  console.log(
    `${'page'.padEnd(48)} ${'kind'.padEnd(12)} ${'JS first'.padStart(8)} ${'JS all'.padStart(6)} ${'CSS KB'.padStart(6)} ${'HTML KB'.padStart(7)} ${'IMG KB'.padStart(6)}`,
  );
  for (const row of rows) {
    const budget = budgets[row.kind];
    const gate = { ...budget, ...gates[row.kind]?.budget };
    const checks = [
      ['JS first', row.first, budget.first, gate.first],
      ['JS', row.js, budget.js, gate.js],
      ['CSS', row.css, budget.css, gate.css],
    ] as const;
    const over = checks
      .filter(([, value, , limit]) => limit !== undefined && value > limit)
      .map(([name, value, , limit]) => `${name} ${kb(value).trim()} KB > ${limit! / KB} KB`);
    const pending = checks
      .filter(([, value, target]) => target !== undefined && value > target)
      .map(([name, value, target]) => `${name} ${kb(value).trim()} KB > ${target! / KB} KB`);
    if (over.length > 0) failures.push(`${row.path}: ${over.join(', ')}`);
    else if (pending.length > 0) todo.set(row.kind, [...(todo.get(row.kind) ?? []), `${row.path}: ${pending.join(', ')}`]);
    console.log(
      `${row.path.padEnd(48)} ${row.kind.padEnd(12)} ${kb(row.first).padStart(8)} ${kb(row.js)} ${kb(row.css)} ${kb(row.html).padStart(7)} ${kb(row.img)}${over.length ? '  OVER' : pending.length ? '  over budget, within gate' : ''}`,
    );
  }
  const heaviest = (kind: Kind, key: 'first' | 'js') => kb(Math.max(0, ...rows.filter((r) => r.kind === kind).map((r) => r[key]))).trim();
  console.log(
    `\n${rows.length} pages. Heaviest JS (gzipped): players ${heaviest('player', 'first')} KB up to the first choice (budget ${budgets.player.first! / KB}), ${heaviest('player', 'js')} KB in all (${budgets.player.js / KB}); other interactive pages ${heaviest('interactive', 'js')} KB (${budgets.interactive.js / KB}); reading pages ${heaviest('reading', 'js')} KB (${budgets.reading.js / KB}).`,
  );
  for (const [kind, pages] of todo)
    console.log(`\nStill over budget, within the gate, because ${gates[kind]!.why}:\n  ${pages.join('\n  ')}`);
  // Code loaded on a click, each chunk once, at the most it adds to any page that offers it.
  const clicks = new Map<string, { bytes: number; pages: string[] }>();
  for (const row of rows)
    for (const [chunk, bytes] of row.onClick) {
      const seen = clicks.get(chunk) ?? { bytes: 0, pages: [] };
      clicks.set(chunk, { bytes: Math.max(seen.bytes, bytes), pages: [...seen.pages, row.path] });
    }
  if (clicks.size > 0) {
    console.log(`\nCode loaded only on a click (not in the pages' figures; budget ${onClickBudget / KB} KB each, gzipped):`);
    for (const [chunk, { bytes, pages }] of clicks) {
      const name = relative(dist, chunk);
      const over = bytes > onClickBudget;
      if (over) failures.push(`${name} (loaded on a click): JS ${kb(bytes).trim()} KB > ${onClickBudget / KB} KB`);
      console.log(`  ${name.padEnd(46)} ${kb(bytes)} KB  on ${pages.join(', ')}${over ? '  OVER' : ''}`);
    }
  }
  const cast = join(dist, 'portraits', castFile);
  if (existsSync(cast)) {
    const svg = readFileSync(cast);
    // One file for the whole cast: its budget is a person's times the people in it.
    const people = new Set([...svg.toString().matchAll(new RegExp(`<g id="(\\w+)-(?:${expressions.join('|')})"`, 'g'))].map((m) => m[1]))
      .size;
    const bytes = gz(svg);
    const over = bytes > portraitBudget * people;
    if (over) failures.push(`portraits/${castFile}: ${kb(bytes).trim()} KB > ${(portraitBudget * people) / KB} KB`);
    console.log(
      `\nPortraits (one file, ${people} people in every expression; budget ${portraitBudget / KB} KB a person, gzipped):\n  ${castFile.padEnd(46)} ${kb(bytes)} KB${over ? '  OVER' : ''}`,
    );
  }
  const player = rows.find((r) => r.path === '/en/scenarios/client/');
  if (player) {
    console.log(`\nThe scenario page's JavaScript (${player.js.toLocaleString('en')} bytes gzipped) against the peers' players:`);
    for (const peer of peers)
      console.log(
        `  ${peer.name.padEnd(48)} ${peer.bytes.toLocaleString('en').padStart(8)} bytes  ${(peer.bytes / player.js).toFixed(1).padStart(5)}× ours`,
      );
  }
  if (existsSync(buildTimeFile)) {
    const { seconds } = JSON.parse(readFileSync(buildTimeFile, 'utf8')) as { seconds: number };
    console.log(`\nLast build: ${seconds.toFixed(1)} s.`);
  }
  console.log('\nEngine figures (npm run bench):');
  runBench();
  if (failures.length > 0) {
    console.error(`\nOver budget:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
