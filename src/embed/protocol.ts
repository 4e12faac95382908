// The messages between an embedded scenario frame and its host page. Both sides import this
// module: the frame's island and the loader (/embed/v1.js). Every message carries a namespace
// and a version and is validated before use; anything else is ignored.
import type { PrincipleScore } from '../engine/scoring.ts';
import type { Grade, Tone } from '../engine/types.ts';
import { grades, tones } from '../engine/vocabulary.ts';
import { isInt, isRecord } from '../engine/guards.ts';

export const embedNamespace = 'checks-in-the-mail';
/**
 * The protocol's version. Version 2 changed what `complete` means: `grade` is the learner's, from
 * the overall score by the grade bands (in version 1 it was the ending's); each principle's `max`
 * is the reference (what the recommended path earns), with `counted`, the points that count
 * towards `overall`; and `tone` is the ending's, for what happened in the story.
 */
export const embedVersion = 2;

/** One principle of a finished run's result: the engine's score of it, sent as it is. */
export type PrincipleResult = PrincipleScore;

/** Events the frame sends to its host, after the host's `init`. */
export interface FrameEvents {
  /** The frame is loaded and waits for `init`; sent to any parent, with no data. */
  ready: Record<string, never>;
  /** The options the frame runs with. */
  settings: { undo: boolean; remember: boolean; hideScore: boolean };
  /** The content's height in CSS pixels, rounded up. */
  resize: { height: number };
  choice: { node: string; choice: string; points: Record<string, number> };
  undo: { step: number };
  restart: Record<string, never>;
  /** The ending reached and its tone; the learner's grade and overall (0-100) and each principle's score. */
  complete: { ending: string; tone: Tone; grade: Grade; principles: PrincipleResult[]; overall: number };
}

export type FrameEventType = keyof FrameEvents;

export interface FrameMessage<T extends FrameEventType = FrameEventType> {
  ns: typeof embedNamespace;
  v: typeof embedVersion;
  type: T;
  /** The id the host gave this frame in `init`; absent on `ready`. */
  instance?: string;
  data: FrameEvents[T];
}

/** The host's answer to `ready`. */
export interface InitMessage {
  ns: typeof embedNamespace;
  v: typeof embedVersion;
  type: 'init';
  instance: string;
}

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isPoints = (v: unknown) => isRecord(v) && Object.entries(v).every(([k, n]) => isText(k) && isInt(n));

const dataCheckers: { [T in FrameEventType]: (d: Record<string, unknown>) => boolean } = {
  ready: (d) => Object.keys(d).length === 0,
  settings: (d) => typeof d['undo'] === 'boolean' && typeof d['remember'] === 'boolean' && typeof d['hideScore'] === 'boolean',
  resize: (d) => typeof d['height'] === 'number' && Number.isFinite(d['height']) && d['height'] >= 0 && d['height'] <= 100_000,
  choice: (d) => isText(d['node']) && isText(d['choice']) && isPoints(d['points']),
  undo: (d) => isInt(d['step']) && (d['step'] as number) >= 0,
  restart: (d) => Object.keys(d).length === 0,
  complete: (d) =>
    isText(d['ending']) &&
    (tones as readonly unknown[]).includes(d['tone']) &&
    (grades as readonly unknown[]).includes(d['grade']) &&
    isInt(d['overall']) &&
    (d['overall'] as number) >= 0 &&
    (d['overall'] as number) <= 100 &&
    Array.isArray(d['principles']) &&
    d['principles'].every(
      (p) =>
        isRecord(p) &&
        isText(p['principle']) &&
        isInt(p['earned']) &&
        isInt(p['max']) &&
        isInt(p['counted']) &&
        (p['counted'] as number) >= 0 &&
        (p['counted'] as number) <= Math.max(0, p['max'] as number),
    ),
};

/**
 * Whether a message of this type and version is understood. Version 2 changed only `complete`, so
 * every other message of version 1 means the same and is read as version 2's: a frame or a loader
 * cached from before version 2 keeps its handshake and its height (a version 1 `complete`, whose
 * grade and maxima meant something else, is not read).
 */
const understood = (type: string, v: unknown) => v === embedVersion || (v === 1 && type !== 'complete');

/** Reads a message from a frame; undefined unless it is one of ours and well-formed. */
export function decodeFrameMessage(value: unknown): FrameMessage | undefined {
  if (!isRecord(value) || value['ns'] !== embedNamespace) return undefined;
  const type = value['type'];
  if (typeof type !== 'string' || !Object.hasOwn(dataCheckers, type) || !understood(type, value['v'])) return undefined;
  const data = value['data'];
  if (!isRecord(data) || !dataCheckers[type as FrameEventType](data)) return undefined;
  const instance = value['instance'];
  if (instance !== undefined && !isText(instance, 100)) return undefined;
  return {
    ns: embedNamespace,
    v: embedVersion,
    type: type as FrameEventType,
    data: data as FrameEvents[FrameEventType],
    ...(instance !== undefined && { instance }),
  };
}

/** Reads the host's `init` (of version 1 too, see `understood`); undefined unless well-formed. */
export function decodeInitMessage(value: unknown): InitMessage | undefined {
  if (!isRecord(value) || value['ns'] !== embedNamespace || value['type'] !== 'init' || !understood('init', value['v'])) return undefined;
  return isText(value['instance'], 100) ? { ns: embedNamespace, v: embedVersion, type: 'init', instance: value['instance'] } : undefined;
}

export interface EmbedOptions {
  theme: 'light' | 'dark' | 'auto';
  /** Keep scores out of sight until the ending. */
  hideScore: boolean;
  /** Save the run in the browser and resume it. */
  remember: boolean;
  undo: boolean;
}

/** The frame's options from its query string; anything unknown falls back to the default. */
export function embedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const flag = (name: string, fallback: boolean) => {
    const v = q.get(name);
    return v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : fallback;
  };
  const theme = q.get('theme');
  return {
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    hideScore: q.get('score') === 'end' || flag('hide-score', false),
    remember: flag('remember', true),
    undo: flag('undo', false),
  };
}
