// Fan-out: who listens to which room on this server, and what they are sent when the room changes.
// Changes are announced on a RoomBus; with one process it is an in-memory one, and a bus shared
// between processes (Redis publish/subscribe) lets several servers serve one room, each telling
// its own listeners after reading the room from the shared store.
import type { RoomStore } from './store.ts';
import { consoleCount, phoneSnapshotOf, publicCount, snapshotOf } from './room.ts';

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

/**
 * Who listens on a stream: the console (every count at once, per choice), the projector screen
 * (the whole room, and "N votes in" while a vote runs) or a phone (its moment only: a phone shows
 * no running count, so it is sent nothing while the room votes, however large the room).
 */
export type ListenerKind = 'console' | 'screen' | 'phone';

/** One open event stream: `send` writes one server-sent event, its data already JSON (serialised once for every listener). */
export interface Listener {
  kind: ListenerKind;
  send(event: string, data: string, id: string): void;
}

/**
 * How often the screen hears "N votes in" while a vote runs, at most (ms). The console hears
 * every change as soon as the event loop is free, which under load counts many votes at once.
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

  /** The messages a change of state sends, each serialised once, made only for the kinds that listen. */
  private async messages(room: string, kinds: Set<ListenerKind>) {
    const found = await this.store.get(room);
    if (!found) return undefined;
    const { moment } = found.state;
    const tally = await this.store.tally(room, moment.step, moment.node);
    return {
      screen: kinds.has('screen') || kinds.has('console') ? JSON.stringify(snapshotOf(found, tally)) : '',
      phone: kinds.has('phone') ? JSON.stringify(phoneSnapshotOf(found, tally)) : '',
      count: kinds.has('console') ? JSON.stringify(consoleCount(moment, tally, await this.store.participants(room))) : '',
    };
  }

  /** Sends one listener the room as it is now (on connecting, unless it is already up to date). */
  async greet(room: string, listener: Listener): Promise<void> {
    const messages = await this.messages(room, new Set([listener.kind]));
    if (!messages) return;
    const id = this.lastId();
    listener.send('snapshot', listener.kind === 'phone' ? messages.phone : messages.screen, id);
    if (listener.kind === 'console') listener.send('count', messages.count, id);
  }

  private async sendState(room: string): Promise<void> {
    const listeners = this.rooms.get(room);
    if (!listeners) return;
    const messages = await this.messages(room, new Set([...listeners].map((l) => l.kind)));
    if (!messages) return;
    const id = this.nextId();
    for (const listener of listeners) {
      listener.send('snapshot', listener.kind === 'phone' ? messages.phone : messages.screen, id);
      if (listener.kind === 'console') listener.send('count', messages.count, id);
    }
  }

  private votesChanged(room: string): void {
    // The console's counts go out once per turn of the event loop, however many votes it held.
    if (!this.pendingConsole.has(room)) {
      this.pendingConsole.add(room);
      setImmediate(() => {
        this.pendingConsole.delete(room);
        void this.sendCounts(room, 'console');
      });
    }
    if (!this.publicTimers.has(room)) {
      this.publicTimers.set(
        room,
        setTimeout(() => {
          this.publicTimers.delete(room);
          void this.sendCounts(room, 'screen');
        }, publicCountInterval),
      );
    }
  }

  private async sendCounts(room: string, kind: 'console' | 'screen'): Promise<void> {
    const listeners = [...(this.rooms.get(room) ?? [])].filter((l) => l.kind === kind);
    if (listeners.length === 0) return;
    const found = await this.store.get(room);
    if (!found) return;
    const { moment } = found.state;
    const tally = await this.store.tally(room, moment.step, moment.node);
    const id = this.nextId();
    const message = JSON.stringify(
      kind === 'console' ? consoleCount(moment, tally, await this.store.participants(room)) : publicCount(moment, tally),
    );
    for (const listener of listeners) listener.send('count', message, id);
  }

  close(): void {
    this.unsubscribe();
    for (const timer of this.publicTimers.values()) clearTimeout(timer);
    this.publicTimers.clear();
  }
}
