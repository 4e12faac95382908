// Where live rooms are kept. The server talks to a RoomStore; the one here keeps rooms in a local
// SQLite file with Node's built-in node:sqlite (no native build), so a laptop needs nothing else.
// The interface is asynchronous so a shared store (Redis, for several server instances behind one
// address) can take its place without changing the server.
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Ballot, RoomState } from './protocol.ts';
import { parseJson } from './protocol.ts';
import { decodeRoomState } from './room-state.ts';

/** A room as the server keeps it. Secrets and tokens are stored only as SHA-256 hashes. */
export interface Room {
  id: string;
  /** The join code while the room is open; freed when it closes or expires. */
  code: string | null;
  secretHash: string;
  scenario: string;
  locale: string;
  /** The address phones join at, with the code: what the projector shows. */
  join: string;
  state: RoomState;
  open: boolean;
  /** Last activity (ms since the epoch): the join code expires after 24 h without any. */
  touchedAt: number;
}

export interface RoomStore {
  /** Creates a room; fails with CodeTaken when another open room holds the code. */
  create(room: Room): Promise<void>;
  get(id: string): Promise<Room | undefined>;
  /** The open room a join code maps to, whatever its age (the server checks expiry). */
  byCode(code: string): Promise<Room | undefined>;
  /** Replaces the state; drops the votes from step `discardFrom` on when given. */
  setState(id: string, state: RoomState, discardFrom: number | undefined, at: number): Promise<void>;
  /** Closes the room and frees its code. */
  close(id: string): Promise<void>;
  addParticipant(room: string, tokenHash: string, at: number): Promise<void>;
  hasParticipant(room: string, tokenHash: string): Promise<boolean>;
  participants(room: string): Promise<number>;
  /** Stores (or changes) a participant's vote at a moment; resolves once it is durable. */
  vote(room: string, tokenHash: string, ballot: Ballot, at: number): Promise<void>;
  /** The participant's vote at a moment, if any. */
  ballot(room: string, tokenHash: string, step: number, node: string): Promise<string | undefined>;
  /** Votes per choice at a moment. */
  tally(room: string, step: number, node: string): Promise<Record<string, number>>;
  /** Deletes rooms idle since before `before`, with their votes and participants; returns how many. */
  purge(before: number): Promise<number>;
  shutdown(): void;
}

export class CodeTaken extends Error {
  constructor(code: string) {
    super(`join code ${code} is taken`);
  }
}

interface RoomRow {
  id: string;
  code: string | null;
  secret_hash: string;
  scenario: string;
  locale: string;
  join_url: string;
  state: string;
  open: number;
  touched_at: number;
}

/** A room as this server holds it in memory: the room, its phones, and every vote by moment. */
interface HeldRoom {
  room: Room;
  /** The hashes of the tokens this room issued. */
  participants: Set<string>;
  /** Per moment (`step node`): each phone's choice, by its token's hash. */
  votes: Map<string, { step: number; choices: Map<string, string> }>;
}

/** A write waiting for the next commit, and what to do once it is committed (or has failed). */
interface PendingWrite {
  write(): void;
  /** The room the write counts as activity in, and when. */
  room: string;
  at: number;
  /** Applies the write to the rooms in memory, once it is durable. */
  committed(): void;
  resolve(): void;
  reject(error: unknown): void;
}

const momentKey = (step: number, node: string) => `${step} ${node}`;

/**
 * How many rooms are held in memory at once, most recently used first; a room beyond them is read
 * from the file again when it is next used. A workshop laptop runs one room; a room of 1,000
 * phones over ten decisions holds about a megabyte.
 */
const heldRooms = 64;

/**
 * Rooms in one SQLite file, in WAL mode, with the rooms in use held in memory. The file is the
 * source of truth: memory changes only after SQLite has committed a write, so what the server
 * counts and sends is always what a restart would read back. Votes and joins that arrive within
 * one turn of the event loop are committed together, in one transaction; each is acknowledged
 * only once that transaction has committed to the write-ahead log, so a vote acknowledged to a
 * phone survives the process being killed. `synchronous=NORMAL` (SQLite's advice for WAL) leaves
 * only a power cut able to lose the last moments' writes. See https://www.sqlite.org/wal.html
 * and https://www.sqlite.org/pragma.html#pragma_synchronous.
 *
 * One server process owns a file: a second process writing the same file would not be seen by
 * this one's memory (several servers share rooms through a shared store instead).
 */
export class SqliteRoomStore implements RoomStore {
  readonly db: DatabaseSync;
  private readonly statements;
  private readonly held = new Map<string, HeldRoom>();
  private pending: PendingWrite[] = [];
  private flushScheduled = false;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA busy_timeout = 5000;
      PRAGMA foreign_keys = ON;
      CREATE TABLE IF NOT EXISTS rooms (
        id TEXT PRIMARY KEY,
        code TEXT UNIQUE,
        secret_hash TEXT NOT NULL,
        scenario TEXT NOT NULL,
        locale TEXT NOT NULL,
        join_url TEXT NOT NULL,
        state TEXT NOT NULL,
        open INTEGER NOT NULL,
        touched_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS participants (
        room TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL,
        PRIMARY KEY (room, token_hash)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS votes (
        room TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        step INTEGER NOT NULL,
        node TEXT NOT NULL,
        token_hash TEXT NOT NULL,
        choice TEXT NOT NULL,
        PRIMARY KEY (room, step, node, token_hash)
      ) STRICT, WITHOUT ROWID;
    `);
    const db = this.db;
    this.statements = {
      insert: db.prepare(
        'INSERT INTO rooms (id, code, secret_hash, scenario, locale, join_url, state, open, touched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      get: db.prepare('SELECT * FROM rooms WHERE id = ?'),
      byCode: db.prepare('SELECT id FROM rooms WHERE code = ? AND open = 1'),
      setState: db.prepare('UPDATE rooms SET state = ?, touched_at = ? WHERE id = ?'),
      discard: db.prepare('DELETE FROM votes WHERE room = ? AND step >= ?'),
      close: db.prepare('UPDATE rooms SET open = 0, code = NULL WHERE id = ?'),
      touch: db.prepare('UPDATE rooms SET touched_at = ? WHERE id = ?'),
      addParticipant: db.prepare('INSERT OR IGNORE INTO participants (room, token_hash) VALUES (?, ?)'),
      participants: db.prepare('SELECT token_hash FROM participants WHERE room = ?'),
      vote: db.prepare(
        'INSERT INTO votes (room, step, node, token_hash, choice) VALUES (?, ?, ?, ?, ?) ON CONFLICT (room, step, node, token_hash) DO UPDATE SET choice = excluded.choice',
      ),
      votes: db.prepare('SELECT step, node, token_hash, choice FROM votes WHERE room = ?'),
      purge: db.prepare('DELETE FROM rooms WHERE touched_at < ?'),
    };
  }

  private transaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Queues a write for the next commit, as activity in `room` at `at`; resolves once it is committed. */
  private enqueue(room: string, at: number, write: () => void, committed: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ room, at, write, committed, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /**
   * Commits every queued write in one transaction, then applies them to memory and acknowledges
   * them. A write whose statement fails (its room was deleted meanwhile) is refused alone; a
   * commit that fails refuses them all and changes nothing.
   */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const failed = new Map<PendingWrite, unknown>();
    // Each room's activity is written once per commit, at its latest time.
    const touched = new Map<string, number>();
    try {
      this.transaction(() => {
        for (const pending of batch) {
          // A failed statement undoes only itself (SQLite's default ABORT); the others stay in the transaction.
          try {
            pending.write();
            touched.set(pending.room, Math.max(pending.at, touched.get(pending.room) ?? 0));
          } catch (error) {
            failed.set(pending, error);
          }
        }
        for (const [room, at] of touched) this.statements.touch.run(at, room);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const pending of batch) {
      if (failed.has(pending)) {
        pending.reject(failed.get(pending));
        continue;
      }
      pending.committed();
      pending.resolve();
    }
  }

  private decodeRow(row: Record<string, SQLInputValue> | undefined): Room | undefined {
    if (!row) return undefined;
    const r = row as unknown as RoomRow;
    const state = decodeRoomState(parseJson(r.state));
    // A row is only ever written from a decoded state; one that no longer decodes is treated as gone.
    if (!state) return undefined;
    return {
      id: r.id,
      code: r.code,
      secretHash: r.secret_hash,
      scenario: r.scenario,
      locale: r.locale,
      join: r.join_url,
      state,
      open: r.open === 1,
      touchedAt: r.touched_at,
    };
  }

  private hold(entry: HeldRoom): HeldRoom {
    this.held.delete(entry.room.id);
    this.held.set(entry.room.id, entry);
    if (this.held.size > heldRooms) this.held.delete(this.held.keys().next().value ?? '');
    return entry;
  }

  /** The room in memory, read from the file if it is not held yet; undefined if there is none. */
  private room(id: string): HeldRoom | undefined {
    const found = this.held.get(id);
    if (found) return this.hold(found);
    // Whatever is still queued is committed first, so the file has everything memory would.
    this.flush();
    const room = this.decodeRow(this.statements.get.get(id));
    if (!room) return undefined;
    const participants = new Set(this.statements.participants.all(id).map((row) => String(row['token_hash'])));
    const votes: HeldRoom['votes'] = new Map();
    for (const row of this.statements.votes.all(id)) {
      const step = Number(row['step']);
      const key = momentKey(step, String(row['node']));
      const moment = votes.get(key) ?? { step, choices: new Map<string, string>() };
      moment.choices.set(String(row['token_hash']), String(row['choice']));
      votes.set(key, moment);
    }
    return this.hold({ room, participants, votes });
  }

  async create(room: Room): Promise<void> {
    try {
      this.statements.insert.run(
        room.id,
        room.code,
        room.secretHash,
        room.scenario,
        room.locale,
        room.join,
        JSON.stringify(room.state),
        room.open ? 1 : 0,
        room.touchedAt,
      );
    } catch (error) {
      if (error instanceof Error && /UNIQUE constraint failed: rooms\.code/.test(error.message)) throw new CodeTaken(room.code ?? '');
      throw error;
    }
    this.hold({ room, participants: new Set(), votes: new Map() });
  }

  async get(id: string): Promise<Room | undefined> {
    return this.room(id)?.room;
  }

  async byCode(code: string): Promise<Room | undefined> {
    const found = this.statements.byCode.get(code);
    return found ? this.room(String(found['id']))?.room : undefined;
  }

  async setState(id: string, state: RoomState, discardFrom: number | undefined, at: number): Promise<void> {
    // Votes taken before this change are committed before it, in the order they came.
    this.flush();
    this.transaction(() => {
      if (discardFrom !== undefined) this.statements.discard.run(id, discardFrom);
      this.statements.setState.run(JSON.stringify(state), at, id);
    });
    const held = this.held.get(id);
    if (!held) return;
    held.room = { ...held.room, state, touchedAt: at };
    if (discardFrom !== undefined) for (const [key, moment] of held.votes) if (moment.step >= discardFrom) held.votes.delete(key);
  }

  async close(id: string): Promise<void> {
    this.flush();
    this.statements.close.run(id);
    const held = this.held.get(id);
    if (held) held.room = { ...held.room, open: false, code: null };
  }

  async addParticipant(room: string, tokenHash: string, at: number): Promise<void> {
    await this.enqueue(
      room,
      at,
      () => this.statements.addParticipant.run(room, tokenHash),
      () => {
        const held = this.held.get(room);
        if (!held) return;
        held.participants.add(tokenHash);
        held.room = { ...held.room, touchedAt: at };
      },
    );
  }

  async hasParticipant(room: string, tokenHash: string): Promise<boolean> {
    return this.room(room)?.participants.has(tokenHash) ?? false;
  }

  async participants(room: string): Promise<number> {
    return this.room(room)?.participants.size ?? 0;
  }

  async vote(room: string, tokenHash: string, ballot: Ballot, at: number): Promise<void> {
    await this.enqueue(
      room,
      at,
      () => this.statements.vote.run(room, ballot.step, ballot.node, tokenHash, ballot.choice),
      () => {
        const held = this.held.get(room);
        if (!held) return;
        const key = momentKey(ballot.step, ballot.node);
        const moment = held.votes.get(key) ?? { step: ballot.step, choices: new Map<string, string>() };
        moment.choices.set(tokenHash, ballot.choice);
        held.votes.set(key, moment);
        held.room = { ...held.room, touchedAt: at };
      },
    );
  }

  async ballot(room: string, tokenHash: string, step: number, node: string): Promise<string | undefined> {
    return this.room(room)?.votes.get(momentKey(step, node))?.choices.get(tokenHash);
  }

  async tally(room: string, step: number, node: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const choice of this.room(room)?.votes.get(momentKey(step, node))?.choices.values() ?? []) out[choice] = (out[choice] ?? 0) + 1;
    return out;
  }

  async purge(before: number): Promise<number> {
    this.flush();
    const removed = Number(this.statements.purge.run(before).changes);
    for (const [id, held] of this.held) if (held.room.touchedAt < before) this.held.delete(id);
    return removed;
  }

  shutdown(): void {
    if (!this.db.isOpen) return;
    this.flush();
    this.db.close();
  }
}
