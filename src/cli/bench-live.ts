// `npm run bench:live [-- --phones=500 --rounds=3]`: a benchmark, not a test. Starts the live
// server in a child process on loopback, opens one console and N simulated phones (each with its
// own event stream), and has the phones vote in bursts, round after round. Prints the time from a
// phone sending its vote to the console hearing it counted (p50, p95, p99), the messages the
// server sent per second, its memory, errors, lost votes, and the machine it ran on. Bounded: at
// most 2,000 phones and 10 rounds, and it stops itself after two minutes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startServer } from './serve.ts';
import { newRoomBody, stateAt } from '../live/fixtures.ts';
import { decodeCreatedRoom, decodeJoined } from '../live/protocol.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

/** The server process, started by the benchmark with `--serve`: prints its port, then serves until killed. */
function serve(): void {
  const root = mkdtempSync(join(tmpdir(), 'bench-live-site-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>bench</title>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>missing</title>');
  const server = startServer({ root, port: 0, host: '127.0.0.1', live: { database: join(root, 'rooms.db') } });
  server.on('listening', () => console.log(`port ${(server.address() as AddressInfo).port}`));
}

/** Resident and peak memory of a process, from /proc (Linux), in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Reads a server-sent event stream, calling `onEvent` with each event's name and data. */
async function readEvents(response: Response, onEvent: (event: string, data: string) => void, signal: AbortSignal): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  signal.addEventListener('abort', () => void reader.cancel());
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

async function bench(): Promise<void> {
  const phones = Math.min(2000, Math.max(1, arg('phones', 500)));
  const rounds = Math.min(10, Math.max(1, arg('rounds', 3)));
  const child = spawn(process.execPath, [process.argv[1]!, '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const deadline = setTimeout(() => {
    console.error('The benchmark ran out of time (2 minutes).');
    child.kill('SIGKILL');
    process.exit(1);
  }, 120_000);
  const port = await new Promise<number>((done) =>
    child.stdout.on('data', (chunk: Buffer) => done(Number(/port (\d+)/.exec(chunk.toString())?.[1]))),
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = new AbortController();
  let errors = 0;
  let messages = 0;
  const json = (r: Response) => r.json() as Promise<unknown>;
  const post = (path: string, body: unknown, key?: string) =>
    fetch(`${base}${path}`, {
      method: path.endsWith('/state') ? 'PUT' : 'POST',
      headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
      body: JSON.stringify(body),
    });

  const room = decodeCreatedRoom(await json(await post('/live/rooms', newRoomBody(stateAt(0, { choices: 4 })))))!;
  // The console's stream: every count it hears, with the time it heard it.
  const heard: { at: number; step: number; votes: number }[] = [];
  const { ticket } = (await json(await post(`/live/rooms/${room.room}/tickets`, {}, room.secret))) as { ticket: string };
  const consoleStream = await fetch(`${base}/live/rooms/${room.room}/console?ticket=${ticket}`, { signal: stop.signal });
  void readEvents(
    consoleStream,
    (event, data) => {
      if (event !== 'count') return;
      const count = JSON.parse(data) as { step: number; votes: number };
      heard.push({ at: performance.now(), step: count.step, votes: count.votes });
    },
    stop.signal,
  );

  // The phones join, a hundred at a time, and each opens its stream.
  const tokens: string[] = [];
  for (let i = 0; i < phones; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, phones - i) }, async () => {
        const joined = decodeJoined(await json(await post('/live/join', { code: room.code })));
        if (!joined) throw new Error('a phone could not join');
        const stream = await fetch(`${base}/live/rooms/${room.room}/events`, { signal: stop.signal });
        void readEvents(stream, () => messages++, stop.signal);
        return joined.token;
      }),
    );
    tokens.push(...batch);
  }
  const started = performance.now();
  const messagesAtStart = messages;
  const latencies: number[] = [];
  let lost = 0;
  for (let round = 0; round < rounds; round++) {
    if (round > 0) await post(`/live/rooms/${room.room}/state`, { state: stateAt(round, { choices: 4 }) }, room.secret);
    // A burst: every phone votes within half a second; each vote's latency ends when the console
    // hears a count that includes it (counts only grow within a round).
    const acked: number[] = [];
    await Promise.all(
      tokens.map(async (token, i) => {
        await new Promise((wait) => setTimeout(wait, Math.random() * 500));
        const sent = performance.now();
        const response = await post(`/live/rooms/${room.room}/votes`, { step: round, node: `n${round}`, choice: 'abcd'[i % 4] }, token);
        if (!response.ok) {
          errors++;
          return;
        }
        await response.arrayBuffer();
        acked.push(sent);
      }),
    );
    // Wait until the console has heard every vote of the round (or 5 s).
    const roundEnd = performance.now() + 5000;
    while (performance.now() < roundEnd && !heard.some((h) => h.step === round && h.votes >= acked.length))
      await new Promise((wait) => setTimeout(wait, 20));
    const counts = heard.filter((h) => h.step === round);
    lost += acked.length - Math.max(0, ...counts.map((h) => h.votes));
    acked.sort((a, b) => a - b);
    for (const [rank, sent] of acked.entries()) {
      const first = counts.find((h) => h.at >= sent && h.votes >= rank + 1);
      if (first) latencies.push(first.at - sent);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const memory = memoryOf(child.pid!);
  stop.abort();
  child.kill('SIGKILL');
  clearTimeout(deadline);
  latencies.sort((a, b) => a - b);
  const ms = (p: number) => `${percentile(latencies, p).toFixed(0)} ms`;
  console.log(
    `${phones} phones, ${rounds} rounds of votes in bursts of half a second, one server process on loopback.\n` +
      `  vote to console: p50 ${ms(50)}, p95 ${ms(95)}, p99 ${ms(99)} (${latencies.length} votes)\n` +
      `  messages sent to phones: ${Math.round((messages - messagesAtStart) / seconds)} a second\n` +
      `  server memory: ${memory.rss.toFixed(0)} MB resident, ${memory.peak.toFixed(0)} MB at most\n` +
      `  errors: ${errors}; votes lost: ${lost}\n` +
      `  machine: ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`,
  );
  process.exit(errors > 0 || lost > 0 ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--serve')) serve();
  else void bench();
}
