// The console once its island runs: its workshop and its one channel to the projector screens in
// this browser. The live-voting section beside the island works on the workshop and tells the
// screens of its room over the same channel.
import { atom } from 'nanostores';
import type { Workshop } from './workshop.ts';
import type { ConsoleChannel } from '../workshop/screen-channel.ts';

export interface ConsoleLink {
  workshop: Workshop;
  /** The channel to the screens; undefined where the browser has no BroadcastChannel. */
  screen: ConsoleChannel | undefined;
}

export const $consoleLink = atom<ConsoleLink | undefined>(undefined);
