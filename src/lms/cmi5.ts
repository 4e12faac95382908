// The cmi5 side: read the launch parameters, fetch the auth token (once per session, kept for
// reloads), read LMS.LaunchData, and send the statements cmi5 requires, in its order:
// initialized, (answered…), completed, passed or failed against the mastery score, terminated.
// A reload is not the end of a session: terminated goes with the result; a learner who closes
// the window before the ending leaves the session to the LMS, which records it as abandoned
// (cmi5’s Abandoned verb), and the run to the LRS, where the next session picks it up.
import type { LmsResult } from './result.ts';
import { randomId } from '../browser/support.ts';

/** The statements cmi5 allows once per session. */
export const onceVerbs = ['initialized', 'completed', 'passed', 'failed', 'terminated'] as const;
export type OnceVerb = (typeof onceVerbs)[number];

/** What one cmi5 session keeps in its tab, so that a reload continues it (stores/cmi5-session.ts keeps it). */
export interface Cmi5TabSession {
  /** The fetch URL this session was launched with: another one means a new launch, a new session. */
  fetch: string;
  /** The auth token the fetch URL gave; it belongs to the session. */
  token: string;
  /** When the session started, in ms since the epoch: durations run from here across reloads. */
  startedAt: number;
  /** The once-per-session statements already sent. */
  sent: OnceVerb[];
  /** The learner's run (a stored run), to resume after a reload. */
  run?: unknown;
}

/**
 * The session kept in this tab for one registration and fetch URL, and the changes the cmi5 side
 * makes to it: the fetch URL may be used once per session (cmi5 §8.2),
 * and initialized, completed, passed, failed and terminated may each be sent once per session.
 */
export interface TabSession {
  /** The session this tab already started with this fetch URL, if any. */
  readonly current: Cmi5TabSession | undefined;
  /** Starts the session with the token the fetch URL gave, at `now` (ms since the epoch). */
  begin(token: string, now: number): void;
  /** Records that a once-per-session statement is on its way; false if it was sent before (or there is no session yet). */
  claim(verb: OnceVerb): boolean;
  /** Whether the statement was sent in this session. */
  sent(verb: OnceVerb): boolean;
  /** Keeps the learner's run (a stored run) with the session, to resume it after a reload. */
  keepRun(run: unknown): void;
}

export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  registration: string;
  activityId: string;
  actor: Record<string, unknown>;
}

/** The launch parameters from the AU's address; undefined unless all are present and valid. */
export function cmi5Launch(search: string): Cmi5Launch | undefined {
  const q = new URLSearchParams(search);
  const endpoint = q.get('endpoint');
  const fetchUrl = q.get('fetch');
  const registration = q.get('registration');
  const activityId = q.get('activityId');
  const actorText = q.get('actor');
  if (!endpoint || !fetchUrl || !registration || !activityId || !actorText) return undefined;
  try {
    const actor = JSON.parse(actorText) as unknown;
    if (typeof actor !== 'object' || actor === null) return undefined;
    new URL(endpoint);
    new URL(fetchUrl);
    return {
      endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
      fetch: fetchUrl,
      registration,
      activityId,
      actor: actor as Record<string, unknown>,
    };
  } catch (error) {
    console.warn('The cmi5 launch parameters could not be read.', error);
    return undefined;
  }
}

const verbs = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

const cmi5Category = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const moveOnCategory = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
/** The context extension a passed or failed statement names the LMS's mastery score in (cmi5 9.6.3.2). */
const masteryScoreExtension = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

/** ISO 8601 duration, e.g. PT1M5.25S. */
export function isoDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return `PT${Math.floor(s / 3600) ? `${Math.floor(s / 3600)}H` : ''}${Math.floor((s % 3600) / 60) ? `${Math.floor((s % 3600) / 60)}M` : ''}${(s % 60).toFixed(2)}S`;
}

type ContextTemplate = { contextActivities?: Record<string, unknown[]>; extensions?: Record<string, unknown> } & Record<string, unknown>;

/** The LMS refused this launch (a fetch URL used up, a token it no longer accepts): only a relaunch from the LMS helps. */
export class Cmi5Refused extends Error {
  override name = 'Cmi5Refused';
}

/** The auth token for this session: the one this tab already fetched, else the fetch URL's answer. */
async function sessionToken(launch: Cmi5Launch, tab: TabSession): Promise<{ token: string; startedAt: number }> {
  if (tab.current) return tab.current;
  const response = await fetch(launch.fetch, { method: 'POST' });
  const body = response.ok ? ((await response.json()) as { 'auth-token'?: unknown }) : {};
  const token = body['auth-token'];
  if (typeof token !== 'string' || token.length === 0)
    throw new Cmi5Refused(`the cmi5 fetch URL answered ${response.status}${response.ok ? ' without an auth-token' : ''}`);
  tab.begin(token, Date.now());
  return tab.current!;
}

/**
 * The run an earlier session of the registration left in the LRS (any JSON, checked by the
 * player): `run` undefined where there is none (404); `failed` where the LRS could not be asked
 * or would not answer, a warning says why, and the learner starts afresh rather than not at all.
 */
async function keptRun(url: string, headers: Record<string, string>): Promise<{ run?: unknown; failed: boolean }> {
  try {
    const response = await fetch(url, { headers });
    if (response.ok) return { run: await response.json(), failed: false };
    if (response.status === 404) return { failed: false };
    console.warn(`The LRS did not give back the run it kept (${response.status}): the learner starts afresh.`);
  } catch (error) {
    console.warn('The run the LRS kept could not be read: the learner starts afresh.', error);
  }
  return { failed: true };
}

/**
 * Whether an earlier session recorded this registration's result, from the AU's own mark (a state
 * document): the mark names the "completed" statement it was written with, and the result counts
 * as recorded only if the LRS has that statement (xAPI 1.0.3 Part Three §2.1.3, a statement by
 * its id), since the mark goes out beside the statement and the statement may have been refused
 * or lost. A mark without a statement (an earlier version's) counts as recorded. Where the LRS
 * cannot say, the result counts as not recorded, with a warning: a second "completed" is the
 * LMS's to void (cmi5 §6.3), while a result wrongly taken as recorded could never be sent.
 */
async function resultRecorded(markUrl: string, endpoint: string, headers: Record<string, string>): Promise<boolean> {
  try {
    const mark = await fetch(markUrl, { headers });
    if (mark.status === 404) return false;
    if (!mark.ok) throw new Error(`the mark answered ${mark.status}`);
    const { statement } = (await mark.json()) as { statement?: unknown };
    if (typeof statement !== 'string') return true;
    const found = await fetch(`${endpoint}statements?${new URLSearchParams({ statementId: statement })}`, { headers });
    if (found.ok) return true;
    if (found.status === 404) return false;
    throw new Error(`the LRS answered ${found.status} for the statement`);
  } catch (error) {
    console.warn('Whether the result was recorded could not be read: it is taken as not recorded.', error);
    return false;
  }
}

/** Sends a request that must not be lost, with `keepalive`, warning where it fails; resolves to whether the LRS accepted it. */
async function deliver(what: string, url: string, init: RequestInit): Promise<boolean> {
  try {
    const response = await fetch(url, { ...init, keepalive: true });
    if (!response.ok) console.warn(`The LRS refused ${what}: ${response.status}`);
    return response.ok;
  } catch (error) {
    console.warn(`${what} could not be sent to the LRS.`, error);
    return false;
  }
}

/**
 * A sender that keeps its requests in order: one at a time, and what was asked for while one was
 * on its way (or in the same task) goes next, all in one request (`send` is given them oldest first: statements go as
 * one list, which xAPI's statements resource takes as it takes one statement; of a state
 * document, only the latest). `flush` sends what waits at once, for a window that is closing,
 * where waiting for the request on its way would lose it. Each caller hears whether the request
 * that carried its item was accepted; none rejects.
 */
function inOrder<T>(send: (items: T[]) => Promise<boolean>): { add(item: T): Promise<boolean>; flush(): void } {
  const waiting: { item: T; accepted: (ok: boolean) => void }[] = [];
  let busy = false;
  const go = async (batch: typeof waiting) => {
    const ok = await send(batch.map((w) => w.item));
    for (const w of batch) w.accepted(ok);
  };
  const drain = async () => {
    try {
      while (waiting[0]) await go(waiting.splice(0));
    } finally {
      busy = false;
    }
  };
  return {
    add: (item) =>
      new Promise((accepted) => {
        waiting.push({ item, accepted });
        if (busy) return;
        busy = true;
        // From the next microtask: what is asked for in the same task goes in the same request.
        queueMicrotask(() => void drain());
      }),
    flush() {
      if (waiting[0]) void go(waiting.splice(0));
    },
  };
}

/**
 * Starts or, after a reload, continues the cmi5 session of this launch, kept in its tab by
 * `openSession` (given the launch's registration and fetch URL). Rejects with Cmi5Refused when the
 * LMS refuses the fetch URL or the token (nothing is sent then), and with another error when the
 * LMS cannot be reached.
 */
export async function connectCmi5(
  launch: Cmi5Launch,
  extensionBase: string,
  openSession: (registration: string, fetchUrl: string) => TabSession,
) {
  const tab = openSession(launch.registration, launch.fetch);
  const { token, startedAt } = await sessionToken(launch, tab);
  const headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
  const stateUrl = (stateId: string) =>
    `${launch.endpoint}activities/state?${new URLSearchParams({ stateId, activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration })}`;
  const launchResponse = await fetch(stateUrl('LMS.LaunchData'), { headers });
  if (launchResponse.status === 401 || launchResponse.status === 403)
    throw new Cmi5Refused(`the LRS refused this session's token: ${launchResponse.status}`);
  if (!launchResponse.ok) throw new Error(`LMS.LaunchData could not be read: ${launchResponse.status}`);
  const launchData = (await launchResponse.json()) as { contextTemplate?: ContextTemplate; launchMode?: string; masteryScore?: number };
  // Whether this registration's result was recorded in an earlier session: cmi5 allows one
  // "completed" per registration (§9.3.3), so the AU keeps a state document of its own to know,
  // which names the "completed" statement the LRS must have (`resultRecorded`).
  const recordedUrl = stateUrl(`${extensionBase}/xapi/state/recorded`);
  const recordedBefore = !tab.sent('completed') && (await resultRecorded(recordedUrl, launch.endpoint, headers));
  // The run is kept in the LRS too, in a state document of the AU's own for the registration
  // (xAPI 1.0.3 Part Three §2.3, the State Resource), so the next session the LMS launches picks
  // up a run whose window was closed before its ending. The tab's copy, after a reload, comes
  // first; a run whose result is recorded is not picked up, as the next session is practice, and
  // a run at its ending is never kept there (`keepRun`).
  const runUrl = stateUrl(`${extensionBase}/xapi/state/run`);
  const kept = tab.current?.run !== undefined || recordedBefore ? { failed: false } : await keptRun(runUrl, headers);
  const savedRun = tab.current?.run ?? kept.run;
  // Of the runs made while one is on its way, only the latest goes next.
  const runs = inOrder<unknown>((latest) => deliver('the run', runUrl, { method: 'PUT', headers, body: JSON.stringify(latest.at(-1)) }));
  // Statements go one request after another, so the LRS records them in cmi5's order.
  const statements = inOrder<Record<string, unknown>>((list) =>
    deliver(
      `statements (${list.map((st) => (st['verb'] as { display: Record<string, string> }).display['en-US']).join(', ')})`,
      `${launch.endpoint}statements`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify(list),
      },
    ),
  );
  const template: ContextTemplate = launchData.contextTemplate ?? {};

  /** Sends a statement; resolves to whether the LRS accepted it (false too where it may not be sent). */
  const send = (
    verb: keyof typeof verbs,
    extra: Record<string, unknown> = {},
    categories: { id: string }[] = [cmi5Category],
    extensions: Record<string, unknown> = {},
    id = randomId(),
  ): Promise<boolean> => {
    // Nothing may follow "terminated" in a cmi5 session, and each once-per-session statement
    // goes once, also across reloads.
    if (tab.sent('terminated') || ((onceVerbs as readonly string[]).includes(verb) && !tab.claim(verb as OnceVerb)))
      return Promise.resolve(false);
    const contextExtensions = { ...template.extensions, ...extensions };
    const contextActivities = {
      ...template.contextActivities,
      category: [...((template.contextActivities?.['category'] as unknown[]) ?? []), ...categories],
    };
    return statements.add({
      id,
      timestamp: new Date().toISOString(),
      actor: launch.actor,
      verb: { id: verbs[verb], display: { 'en-US': verb } },
      object: { id: launch.activityId, objectType: 'Activity' },
      context: {
        ...template,
        registration: launch.registration,
        contextActivities,
        ...(Object.keys(contextExtensions).length > 0 && { extensions: contextExtensions }),
      },
      ...extra,
    });
  };

  await send('initialized');
  const principleKey = (p: string) => `${extensionBase}/xapi/principles/${p}`;
  const terminate = () => send('terminated', { result: { duration: isoDuration(Date.now() - startedAt) } });
  /** Whether nothing may be recorded now: the result already was, the session is over, or the LMS launched for browsing or review. */
  const practiceOnly =
    recordedBefore || tab.sent('terminated') || (launchData.launchMode !== undefined && launchData.launchMode !== 'Normal');
  // A session that can record nothing ends at once, so the LMS does not wait for it.
  if (practiceOnly) await terminate();
  return {
    masteryScore: launchData.masteryScore,
    practiceOnly,
    /** The run to resume: the one this tab kept before a reload, else the one an earlier session left in the LRS, if any. */
    savedRun,
    /** Whether the run the LRS kept for this registration could not be read: the learner starts afresh, and is told. */
    runUnreadable: kept.failed && !practiceOnly,
    /**
     * Keeps the run for this session, so a reload resumes it, and in the LRS for the next session
     * while the result is not recorded. A run that reached an ending (`atEnding`) stays in the
     * tab only: its result goes with `complete`, and a next session that found it would open at
     * an ending with nothing left to record.
     */
    keepRun(run: unknown, atEnding: boolean) {
      tab.keepRun(run);
      if (!practiceOnly && !atEnding && !tab.sent('completed')) void runs.add(run);
    },
    /** Sends an answered statement for a choice; resolves to whether the LRS accepted it. */
    answered(node: string, choice: string, points: Record<string, number>) {
      return send(
        'answered',
        {
          object: {
            id: `${launch.activityId}/decisions/${encodeURIComponent(node)}`,
            objectType: 'Activity',
            definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' },
          },
          result: { response: choice, extensions: Object.fromEntries(Object.entries(points).map(([p, n]) => [principleKey(p), n])) },
        },
        [],
      );
    },
    /**
     * Sends the result (completed, then passed or failed against the mastery score, in one
     * request) and ends the session. Beside the result goes the AU's mark naming its "completed"
     * statement, so the next session knows the result was recorded if the LRS has that statement
     * (`resultRecorded`); both go before "terminated", after which the LMS may refuse the
     * session's token (cmi5 §8.2.1). Resolves to false where the LRS did not accept "completed"
     * (the learner should be told), else true, also where there was nothing left to send (the
     * result went before, or the session has ended).
     */
    async complete(result: LmsResult): Promise<boolean> {
      if (tab.sent('completed') || tab.sent('terminated')) return true;
      // A turn first: the last choice's "answered", sent in this same task, goes on its own, so
      // an LRS that refused it (which refuses the whole list, xAPI Part Three §3.2) would not
      // take the result down with it.
      await Promise.resolve();
      const duration = isoDuration(Date.now() - startedAt);
      const extensions = Object.fromEntries(Object.entries(result.principles).map(([p, s]) => [principleKey(p), s]));
      const completedId = randomId();
      const marked = deliver('the "recorded" mark', recordedUrl, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ at: new Date().toISOString(), statement: completedId }),
      });
      const completed = send(
        'completed',
        { result: { completion: true, duration, extensions } },
        [cmi5Category, moveOnCategory],
        {},
        completedId,
      );
      if (typeof launchData.masteryScore === 'number') {
        const scaled = result.overall / 100;
        const passed = scaled >= launchData.masteryScore;
        void send(
          passed ? 'passed' : 'failed',
          { result: { success: passed, duration, score: { scaled, raw: result.overall, min: 0, max: 100 } } },
          [cmi5Category, moveOnCategory],
          // The mastery score judged against, as the LMS gave it (cmi5 9.6.3.2).
          { [masteryScoreExtension]: launchData.masteryScore },
        );
      }
      const accepted = await completed;
      await marked;
      void terminate();
      return accepted;
    },
    /** Sends at once what waits behind a request on its way (statements, the latest run): the window is closing. */
    flush() {
      statements.flush();
      runs.flush();
    },
  };
}
