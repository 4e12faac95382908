// `npm run bench:live [-- --phones=500 --rounds=3 --profile]`: a benchmark, not a test. Starts the live
// server in a child process on loopback, opens one console and N simulated phones (each with its
// own event stream; the phones run in a worker thread, see bench-live-phones.ts), and has the
// phones vote in bursts, round after round. Prints the time from a phone sending its vote to the
// console hearing it counted (p50, p95, p99), the messages the server sent per second, its memory
// and the CPU time it spent, errors, lost votes (the server is killed at the end and every
// acknowledged vote must be in its file), and the machine with its load. Bounded: at most 2,000
// phones and 10 rounds, within the server's own request limits, and it stops itself after three
// minutes. With --profile the server records
// a CPU profile while the phones vote; the benchmark prints where its time went and keeps the
// profile (a .cpuprofile file that Chrome's DevTools open) for a closer look.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import { Session } from 'node:inspector/promises';
import { Worker } from 'node:worker_threads';
import { startServer } from './serve.ts';
import { newRoomBody, stateAt } from '../live/fixtures.ts';
import { decodeCreatedRoom } from '../live/protocol.ts';
import { limits } from '../live/server.ts';
import { wallClock, type PhonesCommand, type PhonesReport } from './bench-live-phones.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

/**
 * The server process, started by the benchmark with `--serve`: tells the benchmark its port over
 * its IPC channel, then serves until killed. With `--profile`, told `start` over its IPC channel it records a CPU profile; told
 * `stop`, it writes the profile to `server.cpuprofile` beside the database and answers with its path.
 */
async function serve(): Promise<void> {
  const root = process.argv[process.argv.indexOf('--serve') + 1]!;
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>bench</title>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>missing</title>');
  if (process.argv.includes('--profile')) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    // Every 0.25 ms: the default 1 ms sees too few samples of a vote that takes a fraction of one.
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    process.on('message', async (message) => {
      if (message === 'start') {
        await session.post('Profiler.start');
        process.send?.('started');
        return;
      }
      const { profile } = await session.post('Profiler.stop');
      const file = join(root, 'server.cpuprofile');
      writeFileSync(file, JSON.stringify(profile));
      process.send?.(file);
    });
  }
  const server = startServer({ root, port: 0, host: '127.0.0.1', live: { database: join(root, 'rooms.db') } });
  server.on('listening', () => process.send?.((server.address() as AddressInfo).port));
}

/** A CPU profile as V8 writes it (the parts read here): call-tree nodes, and which node each sample landed in, with the time since the previous sample in µs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where a profile's time went: the `top` functions by self time (the time spent in the function
 * itself, not in what it calls), with their share of the samples that were not idle, and the
 * busy time in ms. Functions are named with their file and line; V8's own work (garbage
 * collection, compiling) and native code appear under V8's names in parentheses.
 */
function hotFunctions(profile: CpuProfile, top: number): { busy: number; functions: { name: string; ms: number; share: number }[] } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/src\//, 'src/');
    const name = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + us);
    busy += us;
  });
  const functions = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / Math.max(1, busy) }));
  return { busy: busy / 1000, functions };
}

/** What /proc says of a process (Linux): resident and peak memory in MB, and CPU time used in ms. */
function processStatus(pid: number): { rss: number; peak: number; cpu: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  // Fields 14 and 15 of /proc/PID/stat, after the command's closing parenthesis: user and system
  // time in clock ticks, which are 1/100 s on Linux (USER_HZ; see proc(5)).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024, cpu: (Number(fields[11]) + Number(fields[12])) * 10 };
}

/** Reads a server-sent event stream, calling `onEvent` with each event's name and data. */
async function readEvents(response: Response, onEvent: (event: string, data: string) => void, signal: AbortSignal): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      // The benchmark closing its streams at the end is expected; anything else is not.
      if (signal.aborted) return;
      throw error;
    }
    const { value, done } = chunk;
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      onEvent(event, /^data: (.*)$/m.exec(block)?.[1] ?? '');
      end = buffer.indexOf('\n\n');
    }
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

async function bench(): Promise<void> {
  const phones = Math.min(2000, Math.max(1, arg('phones', 500)));
  const rounds = Math.min(10, Math.max(1, arg('rounds', 3)));
  // Every simulated phone comes from the loopback address, as a venue's phones come from its NAT:
  // a run that asks more of one address (per phone a join, a stream and a vote a round; the
  // console's room, ticket, stream and a change of state a round; all within about a minute) or of
  // one room than the server allows would measure its refusals.
  if (phones * (rounds + 2) + rounds + 3 > limits.address.points || phones * rounds > limits.room.points) {
    console.error(
      `${phones} phones voting ${rounds} times would exceed the server's limits (${limits.address.points} requests a minute from ` +
        `one address, ${limits.room.points} votes into a room in ${limits.room.duration} s): ask for fewer rounds or phones.`,
    );
    process.exit(1);
  }
  const choices = 'abcd';
  const loadBefore = load();
  const profiling = process.argv.includes('--profile');
  const root = mkdtempSync(join(tmpdir(), 'bench-live-'));
  const child = spawn(process.execPath, [process.argv[1]!, '--serve', root, ...(profiling ? ['--profile'] : [])], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const worker = new Worker(new URL('./bench-live-phones.ts', import.meta.url));
  const fail = (why: string) => {
    console.error(why);
    child.kill('SIGKILL');
    process.exit(1);
  };
  const deadline = setTimeout(() => fail('The benchmark ran out of time (3 minutes).'), 180_000);
  worker.on('error', (error) => fail(`The simulated phones failed: ${error.stack ?? error.message}`));
  const port = await new Promise<number>((done) => child.once('message', (answer) => done(Number(answer))));
  const base = `http://127.0.0.1:${port}`;
  /** Tells the server process to start or stop its profiler, and resolves with its answer. */
  const tell = (what: 'start' | 'stop') =>
    new Promise<string>((done) => {
      child.once('message', (answer) => done(String(answer)));
      child.send(what);
    });
  const ask = <K extends PhonesReport['kind']>(command: PhonesCommand, answer: K) =>
    new Promise<Extract<PhonesReport, { kind: K }>>((done) => {
      const listen = (report: PhonesReport) => {
        if (report.kind !== answer) return;
        worker.off('message', listen);
        done(report as Extract<PhonesReport, { kind: K }>);
      };
      worker.on('message', listen);
      worker.postMessage(command);
    });
  const stop = new AbortController();
  const send = (method: string, path: string, body: unknown, key?: string) =>
    fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
      body: JSON.stringify(body),
    });

  const room = decodeCreatedRoom(await (await send('POST', '/live/rooms', newRoomBody(stateAt(0, { choices: choices.length })))).json())!;
  // The console's stream: every count it hears, with the time it heard it.
  const heard: { at: number; step: number; votes: number }[] = [];
  const { ticket } = (await (await send('POST', `/live/rooms/${room.room}/tickets`, {}, room.secret)).json()) as { ticket: string };
  const consoleStream = await fetch(`${base}/live/rooms/${room.room}/console?ticket=${ticket}`, { signal: stop.signal });
  void readEvents(
    consoleStream,
    (event, data) => {
      if (event !== 'count') return;
      const count = JSON.parse(data) as { step: number; votes: number };
      heard.push({ at: wallClock(), step: count.step, votes: count.votes });
    },
    stop.signal,
  );
  await ask({ kind: 'join', base, code: room.code, room: room.room, phones }, 'joined');

  if (profiling) await tell('start');
  const started = performance.now();
  const cpuBefore = processStatus(child.pid!).cpu;
  const ownCpuBefore = process.cpuUsage();
  let messages = 0;
  let messagesAtStart: number | undefined;
  const errors: Record<string, number> = {};
  const latencies: number[] = [];
  const acks: number[] = [];
  const acknowledged: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round > 0) await send('PUT', `/live/rooms/${room.room}/state`, { state: stateAt(round, { choices: choices.length }) }, room.secret);
    // A burst: every phone votes within half a second; each vote's latency ends when the console
    // hears a count that includes it. Counts only grow within a round, and the server stores votes
    // in the order it acknowledges them (one commit for all it took in a turn, each counted only
    // after its commit), so the k-th vote acknowledged is in the first count of k or more. Ranking
    // by the order the phones sent them would credit a vote the server took late to an earlier
    // count that held others.
    const voted = await ask({ kind: 'vote', step: round, node: `n${round}`, choices, spread: 500 }, 'voted');
    messagesAtStart ??= voted.messages;
    messages = voted.messages;
    for (const [why, n] of Object.entries(voted.errors)) errors[why] = (errors[why] ?? 0) + n;
    const byAck = voted.votes.toSorted((a, b) => a.acked - b.acked);
    acks.push(...voted.votes.map((v) => v.acked - v.sent));
    acknowledged.push(byAck.length);
    // Wait until the console has heard every vote of the round (or 5 s).
    const roundEnd = performance.now() + 5000;
    while (performance.now() < roundEnd && !heard.some((h) => h.step === round && h.votes >= byAck.length))
      await new Promise((wait) => setTimeout(wait, 20));
    const counts = heard.filter((h) => h.step === round);
    for (const [rank, { sent }] of byAck.entries()) {
      const first = counts.find((h) => h.at >= sent && h.votes >= rank + 1);
      if (first) latencies.push(first.at - sent);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const server = processStatus(child.pid!);
  const ownCpu = process.cpuUsage(ownCpuBefore);
  await ask({ kind: 'stop' }, 'stopped');
  stop.abort();
  const profile = profiling ? await tell('stop') : undefined;
  // Killed, not stopped: every vote the server acknowledged must already be in its file.
  child.kill('SIGKILL');
  await new Promise((done) => child.once('exit', done));
  const db = new DatabaseSync(join(root, 'rooms.db'), { readOnly: true });
  const stored = db.prepare('SELECT step, count(*) AS n FROM votes WHERE room = ? GROUP BY step').all(room.room);
  db.close();
  const lost = acknowledged.reduce((sum, n, step) => sum + Math.max(0, n - Number(stored.find((s) => s['step'] === step)?.['n'] ?? 0)), 0);
  const unheard = latencies.length < acknowledged.reduce((a, b) => a + b, 0);
  await worker.terminate();
  clearTimeout(deadline);
  latencies.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  const votes = acknowledged.reduce((a, b) => a + b, 0);
  const ms = (p: number, of = latencies) => `${percentile(of, p).toFixed(0)} ms`;
  const serverCpu = server.cpu - cpuBefore;
  console.log(
    `${phones} phones, ${rounds} rounds of votes in bursts of half a second, one server process on loopback.\n` +
      '  measured: from a phone reading the clock just before it sends its vote to the console’s stream reading the first count\n' +
      '  that includes it (one clock: the phones run in a worker thread of the benchmark, the console on its main thread, the\n' +
      '  server in a child process; all share the machine’s cores with each other and with whatever else runs)\n' +
      `  vote to console: p50 ${ms(50)}, p95 ${ms(95)}, p99 ${ms(99)} (${latencies.length} of ${votes} votes heard)\n` +
      `  vote to its acknowledgement (the phone's "vote received"): p50 ${ms(50, acks)}, p95 ${ms(95, acks)}, p99 ${ms(99, acks)}\n` +
      `  messages sent to phones: ${Math.round((messages - (messagesAtStart ?? 0)) / seconds)} a second\n` +
      `  server: ${server.rss.toFixed(0)} MB resident, ${server.peak.toFixed(0)} MB at most; ` +
      `${(serverCpu / 1000).toFixed(1)} s of CPU in ${seconds.toFixed(1)} s (${(serverCpu / Math.max(1, votes)).toFixed(2)} ms a vote)\n` +
      `  simulated phones and console: ${((ownCpu.user + ownCpu.system) / 1e6).toFixed(1)} s of CPU\n` +
      `  errors: ${
        Object.entries(errors)
          .map(([why, n]) => `${n} × ${why}`)
          .join(', ') || 'none'
      }; votes lost: ${lost} (every acknowledged vote looked up in the killed server's file)\n` +
      `  machine: ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; ` +
      `load average ${loadBefore} before, ${load()} after`,
  );
  if (profile) {
    const { busy, functions } = hotFunctions(JSON.parse(readFileSync(profile, 'utf8')) as CpuProfile, 25);
    console.log(`\nThe server's CPU profile (${busy.toFixed(0)} ms busy while the phones voted), by self time:`);
    for (const f of functions) console.log(`  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.ms.toFixed(1).padStart(7)} ms  ${f.name}`);
    console.log(`The whole profile, for Chrome's DevTools: ${profile}`);
  }
  process.exit(Object.keys(errors).length > 0 || lost > 0 || unheard ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--serve')) void serve();
  else void bench();
}
