import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveApi, limits } from './server.ts';
import { SqliteRoomStore } from './store.ts';
import { LocalBus } from './hub.ts';
import { newRoomBody, stateAt } from './fixtures.ts';
import { codeAlphabet, codeLength, decodeCreatedRoom, decodeJoined, type RoomState } from './protocol.ts';
import { codeLifetime } from './room.ts';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});

function setup(options: { path?: string; now?: () => number; address?: () => string } = {}) {
  const store = new SqliteRoomStore(options.path ?? ':memory:');
  const api = createLiveApi({
    store,
    bus: new LocalBus(),
    origins: ['http://course.test'],
    joinBase: () => 'http://192.0.2.10:4321',
    clientAddress: options.address ?? (() => '192.0.2.50'),
    ...(options.now && { now: options.now }),
  });
  opened.push({
    close: () => {
      api.close();
      store.shutdown();
    },
  });
  const call = async (method: string, path: string, body?: unknown, key?: string, headers: Record<string, string> = {}) => {
    const response = await api.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }), ...headers },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
  };
  const createRoom = async (state?: RoomState) => {
    const created = await call('POST', '/rooms', newRoomBody(state));
    expect(created.status).toBe(201);
    return decodeCreatedRoom(created.body)!;
  };
  const join = async (code: string, token?: string) => {
    const joined = await call('POST', '/join', { code }, token);
    expect(joined.status).toBe(200);
    return decodeJoined(joined.body)!;
  };
  return { api, store, call, createRoom, join };
}

describe('what the server says of itself', () => {
  it('answers at /live/ and at /live/status.json, where a static host has the build’s file, with its version and the join address', async () => {
    const { call } = setup();
    const about = { v: 1, join: 'http://192.0.2.10:4321', reachable: true };
    expect((await call('GET', '/')).body).toEqual(about);
    expect((await call('GET', '/status.json')).body).toEqual(about);
  });
});

describe('creating a room', () => {
  it('gives the console a 128-bit room id, a 256-bit secret and a six-character join code', async () => {
    const { createRoom } = setup();
    const room = await createRoom();
    expect(Buffer.from(room.room, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(room.secret, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(room.code).toHaveLength(codeLength);
    expect([...room.code].every((ch) => codeAlphabet.includes(ch))).toBe(true);
    expect(room.join).toBe(`http://192.0.2.10:4321/j/${room.code}`);
  });

  it('keeps only hashes of the secret and of participant tokens', async () => {
    const { createRoom, join, store } = setup();
    const room = await createRoom();
    const phone = await join(room.code);
    const dump = JSON.stringify([store.db.prepare('SELECT * FROM rooms').all(), store.db.prepare('SELECT * FROM participants').all()]);
    expect(dump).not.toContain(room.secret);
    expect(dump).not.toContain(phone.token);
  });

  it('refuses a malformed room, and one whose session plays another scenario', async () => {
    const { call } = setup();
    expect((await call('POST', '/rooms', '{"scenario":')).status).toBe(400);
    expect((await call('POST', '/rooms', { ...newRoomBody(), scenario: 'client' })).status).toBe(400);
    expect((await call('POST', '/rooms', [1, 2, 3])).status).toBe(400);
  });

  it('refuses a body over the size limit before reading it', async () => {
    const { call } = setup();
    expect((await call('POST', '/join', { code: 'x'.repeat(4096) })).status).toBe(413);
  });
});

describe('joining and voting', () => {
  it('counts one vote per phone per decision, changeable until the reveal', async () => {
    const { createRoom, join, call, store } = setup();
    const room = await createRoom();
    const phone = await join(room.code.toLowerCase());
    expect((await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'a' }, phone.token)).status).toBe(200);
    expect((await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'b' }, phone.token)).status).toBe(200);
    expect(await store.tally(room.room, 0, 'n0')).toEqual({ b: 1 });
    const mine = await call('GET', `/rooms/${room.room}/ballot`, undefined, phone.token);
    expect(mine.body).toEqual({ step: 0, node: 'n0', choice: 'b' });

    await call('PUT', `/rooms/${room.room}/state`, { state: stateAt(0, { revealed: true }) }, room.secret);
    const late = await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'c' }, phone.token);
    expect(late).toMatchObject({ status: 409, body: { error: 'not-open' } });
    expect(await store.tally(room.room, 0, 'n0')).toEqual({ b: 1 });
  });

  it('refuses a vote for another moment’s choice, an unknown choice and garbage, changing nothing', async () => {
    const { createRoom, join, call, store } = setup();
    const room = await createRoom(stateAt(2));
    const phone = await join(room.code);
    const vote = (body: unknown) => call('POST', `/rooms/${room.room}/votes`, body, phone.token);
    expect((await vote({ step: 1, node: 'n1', choice: 'a' })).body).toEqual({ error: 'other-moment' });
    expect((await vote({ step: 2, node: 'n1', choice: 'a' })).body).toEqual({ error: 'other-moment' });
    expect((await vote({ step: 2, node: 'n2', choice: 'z' })).body).toEqual({ error: 'unknown-choice' });
    for (const garbage of ['not json', '{"step":"2"}', '[]', 'null', '{"step":2,"node":"n2","choice":"__proto__"}']) {
      expect((await vote(garbage)).status).toBe(400);
    }
    expect(await store.tally(room.room, 2, 'n2')).toEqual({});
  });

  it('refuses votes from a token this room never issued, and no token at all', async () => {
    const { createRoom, call } = setup();
    const room = await createRoom();
    const forged = 'A'.repeat(22);
    expect((await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'a' }, forged)).status).toBe(403);
    expect((await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'a' })).status).toBe(403);
  });

  it('a phone that joins again keeps its token and its vote', async () => {
    const { createRoom, join, call } = setup();
    const room = await createRoom();
    const phone = await join(room.code);
    await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'c' }, phone.token);
    const again = await join(room.code, phone.token);
    expect(again.token).toBe(phone.token);
    expect((await call('GET', `/rooms/${room.room}/ballot`, undefined, phone.token)).body['choice']).toBe('c');
  });

  it('admits 1,000 phones behind one address joining and voting', async () => {
    const { createRoom, join, call, store } = setup();
    const room = await createRoom();
    for (let i = 0; i < 1000; i++) {
      const phone = await join(room.code);
      expect((await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'abc'[i % 3] }, phone.token)).status).toBe(
        200,
      );
    }
    expect(await store.tally(room.room, 0, 'n0')).toEqual({ a: 334, b: 333, c: 333 });
  });

  it('limits one phone’s requests, and answers with when to try again', async () => {
    const { createRoom, join, call } = setup();
    const room = await createRoom();
    const phone = await join(room.code);
    const statuses: number[] = [];
    for (let i = 0; i <= limits.participant.points; i++)
      statuses.push((await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'a' }, phone.token)).status);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    const last = await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'a' }, phone.token);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the facilitator’s secret', () => {
  it('is required for every change of state: a participant’s token or a wrong secret is refused', async () => {
    const { createRoom, join, call, store } = setup();
    const room = await createRoom();
    const phone = await join(room.code);
    const change = { state: stateAt(0, { revealed: true }) };
    for (const key of [phone.token, undefined, 'B'.repeat(43)]) {
      expect((await call('PUT', `/rooms/${room.room}/state`, change, key)).status).toBe(403);
      expect((await call('DELETE', `/rooms/${room.room}`, undefined, key)).status).toBe(403);
      expect((await call('POST', `/rooms/${room.room}/tickets`, undefined, key)).status).toBe(403);
    }
    expect((await store.get(room.room))!.state.moment.revealed).toBe(false);
    expect((await store.get(room.room))!.open).toBe(true);
  });

  it('steps back and restarts: the votes of the dropped steps go with them', async () => {
    const { createRoom, join, call, store } = setup();
    const room = await createRoom(stateAt(0));
    const phone = await join(room.code);
    await call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'a' }, phone.token);
    await call('PUT', `/rooms/${room.room}/state`, { state: stateAt(1) }, room.secret);
    await call('POST', `/rooms/${room.room}/votes`, { step: 1, node: 'n1', choice: 'b' }, phone.token);
    // Back to the first decision: its votes stay, the second's are dropped.
    await call('PUT', `/rooms/${room.room}/state`, { state: stateAt(0), discardFrom: 1 }, room.secret);
    expect(await store.tally(room.room, 0, 'n0')).toEqual({ a: 1 });
    expect(await store.tally(room.room, 1, 'n1')).toEqual({});
    await call('PUT', `/rooms/${room.room}/state`, { state: stateAt(0), discardFrom: 0 }, room.secret);
    expect(await store.tally(room.room, 0, 'n0')).toEqual({});
  });
});

describe('join codes', () => {
  it('stop working when the room closes, and after 24 hours without activity', async () => {
    let clock = Date.parse('2026-03-02T10:00:00Z');
    const { createRoom, call } = setup({ now: () => clock });
    const room = await createRoom();
    clock += codeLifetime - 1000;
    expect((await call('POST', '/join', { code: room.code })).status).toBe(200);
    clock += codeLifetime + 1000;
    expect((await call('POST', '/join', { code: room.code })).body).toEqual({ error: 'unknown-code' });
    const other = await createRoom();
    await call('DELETE', `/rooms/${other.room}`, undefined, other.secret);
    expect((await call('POST', '/join', { code: other.code })).status).toBe(404);
  });

  it('limit wrong guesses from one address', async () => {
    const { call, createRoom } = setup();
    const room = await createRoom();
    for (let i = 0; i < limits.wrongCode.points; i++) expect((await call('POST', '/join', { code: 'ZZZZZZ' })).status).toBe(404);
    expect((await call('POST', '/join', { code: 'ZZZZZZ' })).status).toBe(429);
    // Right codes are not counted against the address.
    expect((await call('POST', '/join', { code: room.code })).status).toBe(200);
  });
});

describe('cross-origin requests', () => {
  it('are allowed only from the course’s own origin', async () => {
    const { api } = setup();
    const preflight = (origin: string) =>
      api.app.request('/join', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('http://course.test')).headers.get('access-control-allow-origin')).toBe('http://course.test');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('from the course’s origin are answered with its CORS headers; a page this server served needs none', async () => {
    const { call, createRoom } = setup();
    const room = await createRoom();
    // app.request addresses the API as http://localhost: a phone's join page served from there.
    const sameOrigin = await call('POST', '/join', { code: room.code }, undefined, { origin: 'http://localhost' });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
    const course = await call('POST', '/join', { code: room.code }, undefined, { origin: 'http://course.test' });
    expect(course.status).toBe(200);
    expect(course.headers.get('access-control-allow-origin')).toBe('http://course.test');
    expect(course.headers.get('vary')).toBe('Origin');
  });
});

describe('a restart', () => {
  it('loses no acknowledged vote: a new server on the same file has every vote and room', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'live-')), 'rooms.db');
    const first = setup({ path });
    const room = await first.createRoom();
    const phones = [];
    for (let i = 0; i < 20; i++) phones.push(await first.join(room.code));
    for (const [i, phone] of phones.entries())
      expect(
        (await first.call('POST', `/rooms/${room.room}/votes`, { step: 0, node: 'n0', choice: 'abc'[i % 3] }, phone.token)).status,
      ).toBe(200);
    // No orderly shutdown: the file is read again while the first connection is still open, as after a crash.
    const second = setup({ path });
    expect(await second.store.tally(room.room, 0, 'n0')).toEqual({ a: 7, b: 7, c: 6 });
    expect((await second.call('GET', `/rooms/${room.room}/ballot`, undefined, phones[0]!.token)).body['choice']).toBe('a');
    expect((await second.call('PUT', `/rooms/${room.room}/state`, { state: stateAt(1) }, room.secret)).status).toBe(200);
  });
});
