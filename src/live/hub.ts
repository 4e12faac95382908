// Fan-out: who listens to which room on this server, and what they are sent when the room changes.
// Changes are announced on a RoomBus; with one process it is an in-memory one, and a bus shared
// between processes (Redis publish/subscribe) lets several servers serve one room, each telling
// its own listeners after reading the room from the shared store.
import type { RoomStore } from './store.ts';
import { consoleCount, publicCount, snapshotOf } from './room.ts';

/** What happened in a room: its state changed (or it closed), or its votes did. */
export type RoomChange = 'state' | 'votes';

export interface RoomBus {
  publish(room: string, change: RoomChange): void;
  subscribe(listener: (room: string, change: RoomChange) => void): () => void;
}

/** The bus of a single server process. */
export class LocalBus implements RoomBus {
  private readonly listeners = new Set<(room: string, change: RoomChange) => void>();
  publish(room: string, change: RoomChange): void {
    for (const listener of this.listeners) listener(room, change);
  }
  subscribe(listener: (room: string, change: RoomChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** One open event stream: `send` writes one server-sent event. */
export interface Listener {
  send(event: string, data: unknown, id: string): void;
  /** The console's stream also gets the tally per choice before it is revealed. */
  console: boolean;
}

/**
 * How often phones and the screen hear "N votes in" while a vote runs, at most (ms). The console
 * hears every change at once; 500 phones each told of every other phone's vote would be 250,000
 * messages for one round of voting.
 */
export const publicCountInterval = 400;

export class RoomHub {
  private readonly rooms = new Map<string, Set<Listener>>();
  private readonly pendingConsole = new Set<string>();
  private readonly publicTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly unsubscribe: () => void;
  /** Event ids are `epoch-sequence`: after a restart no old id matches, so a reconnecting client gets a fresh snapshot. */
  private readonly epoch = Date.now().toString(36);
  private sequence = 0;

  private readonly store: RoomStore;

  constructor(store: RoomStore, bus: RoomBus) {
    this.store = store;
    this.unsubscribe = bus.subscribe((room, change) => {
      if (!this.rooms.has(room)) return;
      if (change === 'state') void this.sendState(room);
      else this.votesChanged(room);
    });
  }

  /** The id of the latest event sent, which a reconnecting client names in Last-Event-ID. */
  lastId(): string {
    return `${this.epoch}-${this.sequence}`;
  }

  private nextId(): string {
    this.sequence += 1;
    return this.lastId();
  }

  add(room: string, listener: Listener): () => void {
    let listeners = this.rooms.get(room);
    if (!listeners) {
      listeners = new Set();
      this.rooms.set(room, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.rooms.delete(room);
    };
  }

  /** How many streams are open on this server. */
  size(): number {
    let n = 0;
    for (const listeners of this.rooms.values()) n += listeners.size;
    return n;
  }

  /** Sends one listener the room as it is now (on connecting, unless it is already up to date). */
  async greet(room: string, listener: Listener): Promise<void> {
    const found = await this.store.get(room);
    if (!found) return;
    const { moment } = found.state;
    const tally = await this.store.tally(room, moment.step, moment.node);
    const id = this.lastId();
    listener.send('snapshot', snapshotOf(found, tally), id);
    if (listener.console) listener.send('count', consoleCount(moment, tally, await this.store.participants(room)), id);
  }

  private async sendState(room: string): Promise<void> {
    const found = await this.store.get(room);
    const listeners = this.rooms.get(room);
    if (!found || !listeners) return;
    const { moment } = found.state;
    const tally = await this.store.tally(room, moment.step, moment.node);
    const phones = await this.store.participants(room);
    const id = this.nextId();
    const snapshot = snapshotOf(found, tally);
    for (const listener of listeners) {
      listener.send('snapshot', snapshot, id);
      if (listener.console) listener.send('count', consoleCount(moment, tally, phones), id);
    }
  }

  private votesChanged(room: string): void {
    // The console's counts go out once per turn of the event loop, however many votes it held.
    if (!this.pendingConsole.has(room)) {
      this.pendingConsole.add(room);
      setImmediate(() => {
        this.pendingConsole.delete(room);
        void this.sendCounts(room, true);
      });
    }
    if (!this.publicTimers.has(room)) {
      this.publicTimers.set(
        room,
        setTimeout(() => {
          this.publicTimers.delete(room);
          void this.sendCounts(room, false);
        }, publicCountInterval),
      );
    }
  }

  private async sendCounts(room: string, toConsole: boolean): Promise<void> {
    const listeners = this.rooms.get(room);
    if (!listeners) return;
    const found = await this.store.get(room);
    if (!found) return;
    const { moment } = found.state;
    const tally = await this.store.tally(room, moment.step, moment.node);
    const id = this.nextId();
    const message = toConsole ? consoleCount(moment, tally, await this.store.participants(room)) : publicCount(moment, tally);
    for (const listener of listeners) if (listener.console === toConsole) listener.send('count', message, id);
  }

  close(): void {
    this.unsubscribe();
    for (const timer of this.publicTimers.values()) clearTimeout(timer);
    this.publicTimers.clear();
  }
}
