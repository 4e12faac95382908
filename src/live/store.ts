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

/**
 * Rooms in one SQLite file, in WAL mode. A write returns once SQLite has committed it to the
 * write-ahead log, so a vote acknowledged to a phone survives the process being killed;
 * `synchronous=NORMAL` (SQLite's advice for WAL) leaves only a power cut able to lose the last
 * moments' writes. See https://www.sqlite.org/wal.html and https://www.sqlite.org/pragma.html#pragma_synchronous.
 */
export class SqliteRoomStore implements RoomStore {
  readonly db: DatabaseSync;
  private readonly statements;

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
      byCode: db.prepare('SELECT * FROM rooms WHERE code = ? AND open = 1'),
      setState: db.prepare('UPDATE rooms SET state = ?, touched_at = ? WHERE id = ?'),
      discard: db.prepare('DELETE FROM votes WHERE room = ? AND step >= ?'),
      close: db.prepare('UPDATE rooms SET open = 0, code = NULL WHERE id = ?'),
      touch: db.prepare('UPDATE rooms SET touched_at = ? WHERE id = ?'),
      addParticipant: db.prepare('INSERT OR IGNORE INTO participants (room, token_hash) VALUES (?, ?)'),
      hasParticipant: db.prepare('SELECT 1 AS found FROM participants WHERE room = ? AND token_hash = ?'),
      participants: db.prepare('SELECT count(*) AS n FROM participants WHERE room = ?'),
      vote: db.prepare(
        'INSERT INTO votes (room, step, node, token_hash, choice) VALUES (?, ?, ?, ?, ?) ON CONFLICT (room, step, node, token_hash) DO UPDATE SET choice = excluded.choice',
      ),
      ballot: db.prepare('SELECT choice FROM votes WHERE room = ? AND step = ? AND node = ? AND token_hash = ?'),
      tally: db.prepare('SELECT choice, count(*) AS n FROM votes WHERE room = ? AND step = ? AND node = ? GROUP BY choice'),
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

  private row(row: Record<string, SQLInputValue> | undefined): Room | undefined {
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
  }

  async get(id: string): Promise<Room | undefined> {
    return this.row(this.statements.get.get(id));
  }

  async byCode(code: string): Promise<Room | undefined> {
    return this.row(this.statements.byCode.get(code));
  }

  async setState(id: string, state: RoomState, discardFrom: number | undefined, at: number): Promise<void> {
    this.transaction(() => {
      if (discardFrom !== undefined) this.statements.discard.run(id, discardFrom);
      this.statements.setState.run(JSON.stringify(state), at, id);
    });
  }

  async close(id: string): Promise<void> {
    this.statements.close.run(id);
  }

  async addParticipant(room: string, tokenHash: string, at: number): Promise<void> {
    this.transaction(() => {
      this.statements.addParticipant.run(room, tokenHash);
      this.statements.touch.run(at, room);
    });
  }

  async hasParticipant(room: string, tokenHash: string): Promise<boolean> {
    return this.statements.hasParticipant.get(room, tokenHash) !== undefined;
  }

  async participants(room: string): Promise<number> {
    return Number(this.statements.participants.get(room)?.['n'] ?? 0);
  }

  async vote(room: string, tokenHash: string, ballot: Ballot, at: number): Promise<void> {
    this.transaction(() => {
      this.statements.vote.run(room, ballot.step, ballot.node, tokenHash, ballot.choice);
      this.statements.touch.run(at, room);
    });
  }

  async ballot(room: string, tokenHash: string, step: number, node: string): Promise<string | undefined> {
    const found = this.statements.ballot.get(room, step, node, tokenHash);
    return typeof found?.['choice'] === 'string' ? found['choice'] : undefined;
  }

  async tally(room: string, step: number, node: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const row of this.statements.tally.all(room, step, node)) out[String(row['choice'])] = Number(row['n']);
    return out;
  }

  async purge(before: number): Promise<number> {
    return Number(this.statements.purge.run(before).changes);
  }

  shutdown(): void {
    if (this.db.isOpen) this.db.close();
  }
}
