import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../cli/serve.ts';
import { newRoomBody } from './fixtures.ts';
import { decodeCreatedRoom, decodeJoined } from './protocol.ts';

const root = mkdtempSync(join(tmpdir(), 'live-site-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>course</title>');
writeFileSync(join(root, '404.html'), '<!doctype html><title>missing</title>');
const server = startServer({ root, port: 0, host: '127.0.0.1', live: { database: join(root, 'rooms.db') } });
const origin = new Promise<string>((done) =>
  server.on('listening', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
);
afterAll(() => new Promise((done) => server.close(done)));

/** Reads a stream's text until `until` appears in it (or `wait` ms pass), then closes it. */
async function readStream(response: Response, until: string, wait = 5000): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = setTimeout(() => void reader.cancel(), wait);
  while (!text.includes(until)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  clearTimeout(deadline);
  await reader.cancel();
  return text;
}

describe('the live server’s event stream', () => {
  it('is sent uncompressed and unbuffered, starts with a snapshot, and carries each vote', async () => {
    const base = await origin;
    const created = decodeCreatedRoom(
      await (await fetch(`${base}/live/rooms`, { method: 'POST', body: JSON.stringify(newRoomBody()) })).json(),
    )!;
    const phone = decodeJoined(
      await (await fetch(`${base}/live/join`, { method: 'POST', body: JSON.stringify({ code: created.code }) })).json(),
    )!;
    const stream = await fetch(`${base}/live/rooms/${created.room}/events`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.headers.get('content-encoding')).toBeNull();
    const phoneStream = await fetch(`${base}/live/rooms/${created.room}/events?for=phone`);
    const vote = fetch(`${base}/live/rooms/${created.room}/votes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${phone.token}` },
      body: JSON.stringify({ step: 0, node: 'n0', choice: 'b' }),
    });
    const text = await readStream(stream, '"votes":1');
    expect((await vote).status).toBe(200);
    expect(text).toMatch(/^event: hello\n/);
    expect(text).toContain('event: snapshot');
    // The screen sees how many voted, not for what, before the reveal.
    expect(text).toMatch(/event: count\ndata: \{"step":0,"node":"n0","votes":1\}\nid: [\w-]+/);
    // A phone is sent its moment without the session, and nothing while the room votes.
    const phoneText = await readStream(phoneStream, '"votes":1', 1000);
    expect(phoneText).toContain('event: snapshot\ndata: {"v":1,"open":true,"locale":"en","moment":');
    expect(phoneText).not.toContain('"session"');
    expect(phoneText).not.toContain('event: count');
  });

  it('a client that names the latest event it saw is not sent the snapshot again; one that missed some is', async () => {
    const base = await origin;
    const created = decodeCreatedRoom(
      await (await fetch(`${base}/live/rooms`, { method: 'POST', body: JSON.stringify(newRoomBody()) })).json(),
    )!;
    const first = await readStream(await fetch(`${base}/live/rooms/${created.room}/events`), 'event: snapshot');
    const lastId = /id: ([\w-]+)/.exec(first)![1]!;
    const resumed = await fetch(`${base}/live/rooms/${created.room}/events`, { headers: { 'last-event-id': lastId } });
    expect(await readStream(resumed, 'event: hello')).not.toContain('snapshot');
    const stale = await fetch(`${base}/live/rooms/${created.room}/events`, { headers: { 'last-event-id': 'another-server-0' } });
    expect(await readStream(stale, 'event: snapshot')).toContain('event: snapshot');
  });

  it('serves the short join address: a known code opens the join page in the room’s language', async () => {
    const base = await origin;
    const created = decodeCreatedRoom(
      await (await fetch(`${base}/live/rooms`, { method: 'POST', body: JSON.stringify({ ...newRoomBody(), locale: 'ru' }) })).json(),
    )!;
    const known = await fetch(`${base}/j/${created.code.toLowerCase()}`, { redirect: 'manual' });
    expect(known.headers.get('location')).toBe(`/ru/join/?code=${created.code}`);
    const unknown = await fetch(`${base}/j/ZZZZZZ`, { redirect: 'manual', headers: { 'accept-language': 'en-US' } });
    expect(unknown.headers.get('location')).toBe('/en/join/?code=ZZZZZZ');
  });
});
