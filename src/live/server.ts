// The live-room API under /live/, on Hono (a well-kept web framework: routing, CORS, body limits
// and server-sent events are its, not ours). Phones join with the short code and vote; the console
// creates the room, changes its state with the facilitator secret and hears every vote; phones and
// the screen follow the room over one event stream. See README "Live voting" for the security model.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { decodeBallot, isKey, liveVersion, normaliseCode, parseJson } from './protocol.ts';
import { decodeNewRoom, decodeStateChange } from './room-state.ts';
import { codeWorks, codeLifetime, newCode, refuseVote } from './room.ts';
import { CodeTaken, type Room, type RoomStore } from './store.ts';
import { RoomHub, type Listener, type ListenerKind, type RoomBus } from './hub.ts';
import { isLoopbackUrl } from './loopback.ts';

/** A random key of `bytes` bytes, base64url: 16 bytes are the 128 bits the ids and tokens need. */
export const randomKey = (bytes = 16) => randomBytes(bytes).toString('base64url');
const hash = (key: string) => createHash('sha256').update(key).digest('base64url');

/** A server-sent-event heartbeat every 15 s keeps proxies and phones from closing a quiet stream. */
export const heartbeatInterval = 15_000;

/**
 * Request limits. Phones behind one venue's NAT share an address, so the per-address limit admits
 * 1,000 of them joining and voting within a minute; each phone's token and each room have their
 * own, tighter limits, and wrong join codes from one address are limited hardest.
 */
export const limits = {
  /** Any /live/ request, per client address: 6,000 a minute. */
  address: { points: 6000, duration: 60 },
  /** A participant's requests (votes, reading its own vote), per token: 30 in 10 s. */
  participant: { points: 30, duration: 10 },
  /** Votes into one room: 5,000 in 10 s. */
  room: { points: 5000, duration: 10 },
  /** Join codes that open no room, per address: 100 in 10 minutes. */
  wrongCode: { points: 100, duration: 600 },
  /** Rooms created, per address: 30 an hour. */
  newRoom: { points: 30, duration: 3600 },
  /** Facilitator changes per room: 600 a minute (a typed count sends one per keystroke). */
  facilitator: { points: 600, duration: 60 },
};

/** Largest request bodies, bytes: a vote or a join is tiny; a room's state carries a session. */
const smallBody = 2 * 1024;
const stateBody = 256 * 1024;

/**
 * Refuses a body over `maxSize` bytes with 413. A body that declares its length is judged by the
 * declaration (Node's parser never reads past it); only a chunked body is counted as it streams,
 * by Hono's bodyLimit. Hono's middleware alone would read every body as a stream, which makes
 * @hono/node-server build a whole Fetch Request: the costliest part of a vote, on the server's
 * busiest path.
 */
function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Context) => c.json({ error: 'too-large' }, 413);
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    if (!/^\d+$/.test(length) || Number(length) > maxSize) return tooLarge(c);
    await next();
  };
}

/** How long a console's stream ticket stays valid: it is used once, at once. */
const ticketLifetime = 30_000;

export interface LiveOptions {
  store: RoomStore;
  bus: RoomBus;
  /** Origins allowed to call the API across origins (the course's own, from SITE_URL). */
  origins: string[];
  /** The base address phones join at for this request, e.g. http://192.168.1.20:4321. */
  joinBase: (c: Context) => string;
  /** The client's address for rate limits (never stored or logged). */
  clientAddress: (c: Context) => string;
  now?: () => number;
}

type Limiter = RateLimiterMemory;

/** Consumes a point; answers 429 with Retry-After when the limit is reached. */
async function within(c: Context, limiter: Limiter, key: string): Promise<Response | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    c.header('Retry-After', String(Math.ceil(refusal.msBeforeNext / 1000)));
    return c.json({ error: 'rate-limited' }, 429);
  }
}

const bearer = (c: Context) => /^Bearer ([\w-]{22,86})$/.exec(c.req.header('authorization') ?? '')?.[1];

async function readJson(c: Context): Promise<unknown> {
  return parseJson(await c.req.text());
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createLiveApi(options: LiveOptions) {
  const { store, bus } = options;
  const now = options.now ?? Date.now;
  const hub = new RoomHub(store, bus);
  const limiter = Object.fromEntries(
    Object.entries(limits).map(([name, l]) => [name, new RateLimiterMemory({ ...l, keyPrefix: name })]),
  ) as {
    [K in keyof typeof limits]: Limiter;
  };
  const tickets = new Map<string, { room: string; until: number }>();
  const streams = new Set<() => void>();

  const app = new Hono();
  const crossOrigin = cors({
    origin: (origin) => (options.origins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
    maxAge: 600,
  });
  // A request from a page this server served (the phones' join page, the console opened from the
  // laptop) needs no CORS headers, and Hono's cors middleware rebuilds every response it passes as
  // a Fetch Response read back through a stream: the costliest part of a vote. So it runs only
  // where a page of another origin calls.
  app.use('*', (c, next) => {
    const origin = c.req.header('origin');
    return origin !== undefined && origin !== new URL(c.req.url).origin ? crossOrigin(c, next) : next();
  });
  app.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const refused = await within(c, limiter.address, options.clientAddress(c));
    return refused ?? next();
  });
  const small = limitBody(smallBody);
  const large = limitBody(stateBody);

  /** The room a facilitator request names, if its secret matches. */
  async function asFacilitator(c: Context): Promise<Room | Response> {
    const id = c.req.param('room');
    const secret = bearer(c);
    const room = isKey(id) ? await store.get(id) : undefined;
    if (!room) return c.json({ error: 'unknown-room' }, 404);
    if (!secret || !sameHash(hash(secret), room.secretHash)) return c.json({ error: 'not-facilitator' }, 403);
    return (await within(c, limiter.facilitator, room.id)) ?? room;
  }

  /** The room and participant a phone's request names, if its token was issued by that room. */
  async function asParticipant(c: Context): Promise<{ room: Room; voter: string } | Response> {
    const id = c.req.param('room');
    const token = bearer(c);
    const room = isKey(id) ? await store.get(id) : undefined;
    if (!room) return c.json({ error: 'unknown-room' }, 404);
    if (!token) return c.json({ error: 'not-participant' }, 403);
    const voter = hash(token);
    const refused = await within(c, limiter.participant, voter);
    if (refused) return refused;
    if (!(await store.hasParticipant(room.id, voter))) return c.json({ error: 'not-participant' }, 403);
    return { room, voter };
  }

  // The server says it is there, and where phones reach it, at /live/ and at /live/status.json.
  // A static host answers the second with the build's own file (public/live/status.json), which
  // says there is no live server, so asking never ends in an error the browser logs (a 404).
  const about = (c: Context) => {
    const join = options.joinBase(c);
    return c.json({ v: liveVersion, join, reachable: !isLoopbackUrl(join) });
  };
  app.get('/', about);
  app.get('/status.json', about);

  app.post('/rooms', large, async (c) => {
    const refused = await within(c, limiter.newRoom, options.clientAddress(c));
    if (refused) return refused;
    const input = decodeNewRoom(await readJson(c));
    if (!input) return c.json({ error: 'bad-request' }, 400);
    const secret = randomKey(32);
    const id = randomKey();
    // A taken code is tried again; with 244 million codes a second try is already rare.
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = newCode(randomInt);
      const join = `${options.joinBase(c)}/j/${code}`;
      try {
        await store.create({ id, code, secretHash: hash(secret), ...input, join, open: true, touchedAt: now() });
        return c.json({ room: id, secret, code, join }, 201);
      } catch (error) {
        if (!(error instanceof CodeTaken)) throw error;
      }
    }
    return c.json({ error: 'no-code' }, 503);
  });

  app.put('/rooms/:room/state', large, async (c) => {
    const room = await asFacilitator(c);
    if (room instanceof Response) return room;
    if (!room.open) return c.json({ error: 'closed' }, 409);
    const change = decodeStateChange(await readJson(c));
    if (!change || change.state.session.scenario !== room.scenario) return c.json({ error: 'bad-request' }, 400);
    await store.setState(room.id, change.state, change.discardFrom, now());
    bus.publish(room.id, 'state');
    return c.json({ ok: true });
  });

  app.delete('/rooms/:room', async (c) => {
    const room = await asFacilitator(c);
    if (room instanceof Response) return room;
    await store.close(room.id);
    bus.publish(room.id, 'state');
    return c.json({ ok: true });
  });

  app.post('/rooms/:room/tickets', async (c) => {
    const room = await asFacilitator(c);
    if (room instanceof Response) return room;
    for (const [key, t] of tickets) if (t.until < now()) tickets.delete(key);
    const ticket = randomKey();
    tickets.set(ticket, { room: room.id, until: now() + ticketLifetime });
    return c.json({ ticket });
  });

  app.post('/join', small, async (c) => {
    const body = await readJson(c);
    const code = normaliseCode(typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined);
    const room = code ? await store.byCode(code) : undefined;
    if (!room || !codeWorks(room, now())) {
      const refused = await within(c, limiter.wrongCode, options.clientAddress(c));
      return refused ?? c.json({ error: 'unknown-code' }, 404);
    }
    // A phone that joined before keeps its token, and so its votes.
    const held = bearer(c);
    const token = held && (await store.hasParticipant(room.id, hash(held))) ? held : randomKey();
    await store.addParticipant(room.id, hash(token), now());
    bus.publish(room.id, 'votes');
    return c.json({ room: room.id, token, locale: room.locale, scenario: room.scenario });
  });

  app.post('/rooms/:room/votes', small, async (c) => {
    const who = await asParticipant(c);
    if (who instanceof Response) return who;
    const ballot = decodeBallot(await readJson(c));
    if (!ballot) return c.json({ error: 'bad-request' }, 400);
    const refusal = refuseVote(who.room, ballot);
    if (refusal) return c.json({ error: refusal }, 409);
    const refused = await within(c, limiter.room, who.room.id);
    if (refused) return refused;
    await store.vote(who.room.id, who.voter, ballot, now());
    bus.publish(who.room.id, 'votes');
    return c.json({ ok: true, choice: ballot.choice });
  });

  app.get('/rooms/:room/ballot', async (c) => {
    const who = await asParticipant(c);
    if (who instanceof Response) return who;
    const { step, node } = who.room.state.moment;
    return c.json({ step, node, choice: (await store.ballot(who.room.id, who.voter, step, node)) ?? null });
  });

  /** One event stream: a snapshot unless the client is up to date, then every change, and a heartbeat. */
  const stream = (c: Context, room: string, kind: ListenerKind) => {
    c.header('X-Accel-Buffering', 'no');
    const lastId = c.req.header('last-event-id') ?? c.req.query('last');
    return streamSSE(c, async (sse) => {
      const listener: Listener = {
        kind,
        send: (event, data, id) => void sse.writeSSE({ event, data, id }),
      };
      const remove = hub.add(room, listener);
      await sse.writeSSE({ event: 'hello', data: '{}', retry: 2000 });
      if (lastId !== hub.lastId()) await hub.greet(room, listener);
      const heartbeat = setInterval(() => void sse.writeSSE({ event: 'ping', data: '' }), heartbeatInterval);
      await new Promise<void>((done) => {
        const end = () => {
          streams.delete(end);
          clearInterval(heartbeat);
          remove();
          done();
        };
        streams.add(end);
        sse.onAbort(end);
      });
    });
  };

  /** The room's public stream: the screen's, or with `?for=phone` a phone's (its moment, no running count). */
  app.get('/rooms/:room/events', async (c) => {
    const id = c.req.param('room');
    if (!isKey(id) || !(await store.get(id))) return c.json({ error: 'unknown-room' }, 404);
    return stream(c, id, c.req.query('for') === 'phone' ? 'phone' : 'screen');
  });

  app.get('/rooms/:room/console', async (c) => {
    const id = c.req.param('room');
    const ticket = tickets.get(c.req.query('ticket') ?? '');
    tickets.delete(c.req.query('ticket') ?? '');
    if (!ticket || ticket.room !== id || ticket.until < now()) return c.json({ error: 'not-facilitator' }, 403);
    return stream(c, id, 'console');
  });

  app.notFound((c) => c.json({ error: 'not-found' }, 404));

  // Rooms idle for twice the code's lifetime are deleted with their votes: nothing is kept longer than needed.
  const purge = setInterval(() => void store.purge(now() - 2 * codeLifetime), 60 * 60 * 1000);
  purge.unref();

  return {
    app,
    hub,
    /** Where `/j/{code}` sends a phone: the join page in the room's language, or undefined for a code that opens nothing. */
    async joinTarget(rawCode: string, address: string): Promise<{ locale: string; code: string } | 'rate-limited' | undefined> {
      const code = normaliseCode(rawCode);
      const room = code ? await store.byCode(code) : undefined;
      if (code && room && codeWorks(room, now())) return { locale: room.locale, code };
      try {
        await limiter.wrongCode.consume(address);
        return undefined;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return 'rate-limited';
        throw refusal;
      }
    },
    close() {
      clearInterval(purge);
      for (const end of [...streams]) end();
      hub.close();
    },
  };
}

export type LiveApi = ReturnType<typeof createLiveApi>;
