// `npm run bench:live [-- --phones=500 --rounds=3]`: a benchmark, not a test. Starts the live
// server in a child process on loopback, opens one console and N simulated phones (each with its
// own event stream; the phones run in a worker thread, see bench-live-phones.ts), and has the
// phones vote in bursts, round after round. Prints the time from a phone sending its vote to the
// console hearing it counted (p50, p95, p99), the messages the server sent per second, its memory
// and the CPU time it spent, errors, lost votes (the server is killed at the end and every
// acknowledged vote must be in its file), and the machine with its load. Bounded: at most 2,000
// phones and 10 rounds, and it stops itself after three minutes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { startServer } from './serve.ts';
import { newRoomBody, stateAt } from '../live/fixtures.ts';
import { decodeCreatedRoom } from '../live/protocol.ts';
import { wallClock, type PhonesCommand, type PhonesReport } from './bench-live-phones.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

/** The server process, started by the benchmark with `--serve`: prints its port, then serves until killed. */
function serve(): void {
  const root = process.argv[process.argv.indexOf('--serve') + 1]!;
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>bench</title>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>missing</title>');
  const server = startServer({ root, port: 0, host: '127.0.0.1', live: { database: join(root, 'rooms.db') } });
  server.on('listening', () => console.log(`port ${(server.address() as AddressInfo).port}`));
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
  const choices = 'abcd';
  const loadBefore = load();
  const root = mkdtempSync(join(tmpdir(), 'bench-live-'));
  const child = spawn(process.execPath, [process.argv[1]!, '--serve', root], { stdio: ['ignore', 'pipe', 'inherit'] });
  const worker = new Worker(new URL('./bench-live-phones.ts', import.meta.url));
  const fail = (why: string) => {
    console.error(why);
    child.kill('SIGKILL');
    process.exit(1);
  };
  const deadline = setTimeout(() => fail('The benchmark ran out of time (3 minutes).'), 180_000);
  worker.on('error', (error) => fail(`The simulated phones failed: ${error.stack ?? error.message}`));
  const port = await new Promise<number>((done) =>
    child.stdout.on('data', (chunk: Buffer) => done(Number(/port (\d+)/.exec(chunk.toString())?.[1]))),
  );
  const base = `http://127.0.0.1:${port}`;
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
    // hears a count that includes it (counts only grow within a round).
    const voted = await ask({ kind: 'vote', step: round, node: `n${round}`, choices, spread: 500 }, 'voted');
    messagesAtStart ??= voted.messages;
    messages = voted.messages;
    for (const [why, n] of Object.entries(voted.errors)) errors[why] = (errors[why] ?? 0) + n;
    const acked = voted.votes.map((v) => v.sent).sort((a, b) => a - b);
    acks.push(...voted.votes.map((v) => v.acked - v.sent));
    acknowledged.push(acked.length);
    // Wait until the console has heard every vote of the round (or 5 s).
    const roundEnd = performance.now() + 5000;
    while (performance.now() < roundEnd && !heard.some((h) => h.step === round && h.votes >= acked.length))
      await new Promise((wait) => setTimeout(wait, 20));
    const counts = heard.filter((h) => h.step === round);
    for (const [rank, sent] of acked.entries()) {
      const first = counts.find((h) => h.at >= sent && h.votes >= rank + 1);
      if (first) latencies.push(first.at - sent);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const server = processStatus(child.pid!);
  const ownCpu = process.cpuUsage(ownCpuBefore);
  await ask({ kind: 'stop' }, 'stopped');
  stop.abort();
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
  process.exit(Object.keys(errors).length > 0 || lost > 0 || unheard ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--serve')) serve();
  else void bench();
}
