import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteRoomStore, type Room } from './store.ts';
import { stateAt } from './fixtures.ts';

const opened: SqliteRoomStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.shutdown();
});

function open(path = ':memory:') {
  const store = new SqliteRoomStore(path);
  opened.push(store);
  return store;
}

const newFile = () => join(mkdtempSync(join(tmpdir(), 'live-store-')), 'rooms.db');

let rooms = 0;
function aRoom(): Room {
  rooms += 1;
  const id = `room-${String(rooms).padStart(22, '0')}`;
  return {
    id,
    code: `C${String(rooms).padStart(5, '0')}`,
    secretHash: 'h',
    scenario: 'contractor',
    locale: 'en',
    join: 'http://x/j',
    state: stateAt(0),
    open: true,
    touchedAt: 1,
  };
}

describe('the SQLite room store', () => {
  it('commits votes that arrive together in one go, and acknowledges each only once the file has it', async () => {
    const path = newFile();
    const store = open(path);
    const room = aRoom();
    await store.create(room);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.addParticipant(room.id, `phone-${i}`, 2)));
    const votes = Array.from({ length: 50 }, (_, i) => store.vote(room.id, `phone-${i}`, { step: 0, node: 'n0', choice: 'ab'[i % 2]! }, 3));
    // Nothing is counted before it is committed.
    expect(await store.tally(room.id, 0, 'n0')).toEqual({});
    await Promise.all(votes);
    expect(await store.tally(room.id, 0, 'n0')).toEqual({ a: 25, b: 25 });
    // Another reader of the file, as after a crash, has every acknowledged vote.
    expect(await open(path).tally(room.id, 0, 'n0')).toEqual({ a: 25, b: 25 });
    expect((await store.get(room.id))?.touchedAt).toBe(3);
  });

  it('commits the votes taken before a change of state ahead of it, so a step back drops them too', async () => {
    const store = open();
    const room = aRoom();
    await store.create(room);
    await store.addParticipant(room.id, 'phone', 2);
    const vote = store.vote(room.id, 'phone', { step: 0, node: 'n0', choice: 'a' }, 3);
    await store.setState(room.id, stateAt(0), 0, 4);
    await vote;
    expect(await store.tally(room.id, 0, 'n0')).toEqual({});
    expect(await store.ballot(room.id, 'phone', 0, 'n0')).toBeUndefined();
  });

  it('refuses a vote it could not store, and counts nothing of it', async () => {
    const store = open();
    const room = aRoom();
    await store.create(room);
    await store.addParticipant(room.id, 'phone', 2);
    store.db.exec('PRAGMA query_only = 1');
    await expect(store.vote(room.id, 'phone', { step: 0, node: 'n0', choice: 'a' }, 3)).rejects.toThrow(/readonly/);
    store.db.exec('PRAGMA query_only = 0');
    expect(await store.tally(room.id, 0, 'n0')).toEqual({});
    expect(await store.ballot(room.id, 'phone', 0, 'n0')).toBeUndefined();
  });

  it('reads a room it no longer holds in memory back from the file, votes and phones included', async () => {
    const store = open(newFile());
    const first = aRoom();
    await store.create(first);
    await store.addParticipant(first.id, 'phone', 2);
    await store.vote(first.id, 'phone', { step: 0, node: 'n0', choice: 'b' }, 3);
    // Enough other rooms in use to push the first out of memory.
    for (let i = 0; i < 100; i++) await store.create(aRoom());
    expect(await store.participants(first.id)).toBe(1);
    expect(await store.hasParticipant(first.id, 'phone')).toBe(true);
    expect(await store.tally(first.id, 0, 'n0')).toEqual({ b: 1 });
    expect((await store.byCode(first.code!))?.id).toBe(first.id);
  });

  it('forgets purged rooms, in memory as in the file', async () => {
    const store = open();
    const room = aRoom();
    await store.create(room);
    expect(await store.purge(2)).toBe(1);
    expect(await store.get(room.id)).toBeUndefined();
  });
});
