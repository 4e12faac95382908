// The console's workshop once its island runs: the live-voting section beside the island works on it.
import { atom } from 'nanostores';
import type { Workshop } from './workshop.ts';

export const $consoleWorkshop = atom<Workshop | undefined>(undefined);
