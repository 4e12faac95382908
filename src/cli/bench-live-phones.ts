// The simulated phones of `npm run bench:live`, run in a worker thread: the benchmark's own thread
// keeps the console's stream and its clock, and the phones' work (requests, parsing, timers) does
// not hold up the moment the console hears a count. Plain node:http with a keep-alive agent, the
// cheapest client Node has, so the phones take as little of the machine from the server as they can.
import { Agent, request, type IncomingMessage } from 'node:http';
import { parentPort } from 'node:worker_threads';

/** What the benchmark asks of its phones. */
export type PhonesCommand =
  | { kind: 'join'; base: string; code: string; room: string; phones: number }
  | { kind: 'vote'; step: number; node: string; choices: string; spread: number }
  | { kind: 'stop' };

/** What the phones answer: joined; a round's votes (when each acknowledged vote was sent and acknowledged, wall-clock ms); stopped. */
export type PhonesReport =
  | { kind: 'joined'; phones: number }
  | { kind: 'voted'; votes: { sent: number; acked: number }[]; errors: Record<string, number>; messages: number }
  | { kind: 'stopped'; messages: number };

/** Wall-clock time in ms with sub-ms precision, comparable between threads. */
export const wallClock = () => performance.timeOrigin + performance.now();

const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** Sends one request and resolves with its status and body. */
function call(base: string, method: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token && { authorization: `Bearer ${token}` }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

function runPhones(port: NonNullable<typeof parentPort>): void {
  let base = '';
  let room = '';
  const tokens: string[] = [];
  const streams: IncomingMessage[] = [];
  let messages = 0;

  /** Opens a phone's event stream on a connection of its own and counts the events it carries (each ends with a blank line). */
  const follow = () =>
    new Promise<void>((done, fail) => {
      const req = request(`${base}/live/rooms/${room}/events?for=phone`, { agent: false }, (res) => {
        streams.push(res);
        let tail = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const text = tail + chunk;
          messages += text.split('\n\n').length - 1;
          tail = text.slice(text.lastIndexOf('\n\n') + 2);
        });
        res.on('error', () => undefined);
        done();
      });
      req.on('error', fail);
      req.end();
    });

  port.on('message', async (command: PhonesCommand) => {
    if (command.kind === 'join') {
      ({ base, room } = command);
      // A hundred at a time, as a room fills when the code goes up on the screen.
      for (let i = 0; i < command.phones; i += 100) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(100, command.phones - i) }, async () => {
            const joined = await call(base, 'POST', '/live/join', { code: command.code });
            if (joined.status !== 200) throw new Error(`a phone could not join: ${joined.status} ${joined.body}`);
            await follow();
            return (JSON.parse(joined.body) as { token: string }).token;
          }),
        );
        tokens.push(...batch);
      }
      port.postMessage({ kind: 'joined', phones: tokens.length } satisfies PhonesReport);
    } else if (command.kind === 'vote') {
      const votes: { sent: number; acked: number }[] = [];
      // Why votes failed: an HTTP status or a network error's code, with how often.
      const errors: Record<string, number> = {};
      const failed = (why: string) => {
        errors[why] = (errors[why] ?? 0) + 1;
      };
      await Promise.all(
        tokens.map(async (token, i) => {
          await new Promise((wait) => setTimeout(wait, Math.random() * command.spread));
          const at = wallClock();
          const choice = command.choices[i % command.choices.length];
          try {
            const answer = await call(base, 'POST', `/live/rooms/${room}/votes`, { step: command.step, node: command.node, choice }, token);
            if (answer.status === 200) votes.push({ sent: at, acked: wallClock() });
            else failed(`HTTP ${answer.status}`);
          } catch (error) {
            failed((error as NodeJS.ErrnoException).code ?? String(error));
          }
        }),
      );
      port.postMessage({ kind: 'voted', votes, errors, messages } satisfies PhonesReport);
    } else {
      for (const stream of streams) stream.destroy();
      agent.destroy();
      port.postMessage({ kind: 'stopped', messages } satisfies PhonesReport);
    }
  });
}

if (parentPort) runPhones(parentPort);
