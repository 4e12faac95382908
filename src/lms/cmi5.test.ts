import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectCmi5, type Cmi5Launch, type Cmi5TabSession, type TabSession } from './cmi5.ts';

const launch: Cmi5Launch = {
  endpoint: 'https://lrs.example.org/xapi/',
  fetch: 'https://lms.example.org/token/1',
  registration: 'r-1',
  activityId: 'https://course.example.org/au/contractor',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'ada' } },
};
const base = 'https://course.example.org';
const runState = `${base}/xapi/state/run`;
const recordedState = `${base}/xapi/state/recorded`;
const result = { overall: 80, principles: { warn: { earned: 4, max: 5 } } };

/**
 * An LMS and its LRS as the AU sees them through `fetch`: the fetch URL gives a token, the state
 * resource keeps documents by stateId, statements (one, or a list of them) are listed by verb.
 * `hold` keeps each run PUT waiting until released, to see what is sent while one is on its way;
 * `down` fails reads of the named state documents as a lost connection does; `fail` answers with
 * that status to reads of the named state documents; `refuse` answers 500 to a request carrying a
 * statement of one of these verbs, and `drop` loses the first such request on its way. Accepted
 * statements are kept by id and can be asked for by it; once "terminated" is accepted the
 * session's token is refused (401), as cmi5 §8.2.1 lets an LMS do.
 */
function fakeLms(
  launchData: Record<string, unknown> = {},
  options: { hold?: boolean; down?: string[]; fail?: Record<string, number>; refuse?: string[]; drop?: string[] } = {},
  /** The ids of the statements an earlier session's LRS accepted. */
  stored: Set<string> = new Set(),
) {
  const states = new Map<string, unknown>([['LMS.LaunchData', { launchMode: 'Normal', ...launchData }]]);
  const verbs: string[] = [];
  /** Each statements request's verbs, in the order they were sent. */
  const posts: string[][] = [];
  const requests: string[] = [];
  const held: (() => void)[] = [];
  const runPuts: unknown[] = [];
  let dropped = false;
  let ended = false;
  const fetch = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    if (url.href === launch.fetch) return Response.json({ 'auth-token': 'tok' });
    if (ended) return new Response(null, { status: 401 });
    if (url.pathname.endsWith('/statements') && method === 'GET')
      return new Response(null, { status: stored.has(url.searchParams.get('statementId')!) ? 200 : 404 });
    if (url.pathname.endsWith('/statements')) {
      const list = [JSON.parse(String(init.body)) as unknown].flat() as { id: string; verb: { display: { 'en-US': string } } }[];
      const sent = list.map((s) => s.verb.display['en-US']);
      posts.push(sent);
      if (!dropped && sent.some((v) => options.drop?.includes(v))) {
        dropped = true;
        throw new TypeError('Failed to fetch');
      }
      if (sent.some((v) => options.refuse?.includes(v))) return new Response(null, { status: 500 });
      verbs.push(...sent);
      for (const s of list) stored.add(s.id);
      ended ||= sent.includes('terminated');
      return new Response(null, { status: 204 });
    }
    const stateId = url.searchParams.get('stateId')!;
    requests.push(`${method} ${stateId}`);
    if (method === 'PUT') {
      if (stateId === runState) {
        runPuts.push(JSON.parse(String(init.body)));
        if (options.hold) await new Promise<void>((resolve) => held.push(resolve));
      }
      states.set(stateId, JSON.parse(String(init.body)));
      return new Response(null, { status: 204 });
    }
    if (options.down?.includes(stateId)) throw new TypeError('Failed to fetch');
    const status = options.fail?.[stateId];
    if (status) return new Response(null, { status });
    return states.has(stateId) ? Response.json(states.get(stateId)) : new Response(null, { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return { states, verbs, posts, requests, held, runPuts, fetch, stored };
}

/** A tab's session in memory, as stores/cmi5-session.ts keeps it in sessionStorage. */
function memoryTab(start?: Cmi5TabSession): TabSession {
  let session = start;
  return {
    get current() {
      return session;
    },
    begin(token, now) {
      session = { fetch: launch.fetch, token, startedAt: now, sent: [] };
    },
    claim(verb) {
      if (!session || session.sent.includes(verb)) return false;
      session = { ...session, sent: [...session.sent, verb] };
      return true;
    },
    sent: (verb) => session?.sent.includes(verb) ?? false,
    keepRun(run) {
      if (session) session = { ...session, run };
    },
  };
}

const connect = (tab = memoryTab()) => connectCmi5(launch, base, () => tab);
const settle = () => new Promise((resolve) => setTimeout(resolve));

/** Keeps a run, then two more while the first is on its way (the LRS holds it): only the first has gone. */
async function threeRuns(cmi5: Awaited<ReturnType<typeof connect>>, lms: ReturnType<typeof fakeLms>) {
  cmi5.keepRun({ v: 1, steps: ['a'] }, false);
  await settle();
  cmi5.keepRun({ v: 1, steps: ['a', 'b'] }, false);
  cmi5.keepRun({ v: 1, steps: ['a', 'b', 'c'] }, false);
  await settle();
  expect(lms.runPuts).toEqual([{ v: 1, steps: ['a'] }]);
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a cmi5 session', () => {
  it('keeps the run in the LRS until its ending, then records the result once and says so for the next session', async () => {
    const lms = fakeLms({ masteryScore: 0.7 });
    const cmi5 = await connect();
    expect(cmi5.practiceOnly).toBe(false);
    expect(cmi5.savedRun).toBeUndefined();
    cmi5.keepRun({ v: 1, steps: ['a'] }, false);
    await settle();
    expect(lms.states.get(runState)).toEqual({ v: 1, steps: ['a'] });
    // The ending's run stays in the tab: a next session must not open at an ending.
    cmi5.keepRun({ v: 1, steps: ['a', 'end'] }, true);
    await cmi5.complete(result);
    await settle();
    expect(lms.states.get(runState)).toEqual({ v: 1, steps: ['a'] });
    expect(lms.verbs).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(lms.states.has(recordedState)).toBe(true);
    // Playing on after the result is practice: nothing more reaches the LRS.
    cmi5.keepRun({ v: 1, steps: [] }, false);
    await cmi5.complete(result);
    await settle();
    expect(lms.runPuts).toEqual([{ v: 1, steps: ['a'] }]);
    expect(lms.verbs).toHaveLength(4);
  });

  it('picks up the run an earlier session left, unless its result was recorded', async () => {
    const lms = fakeLms();
    lms.states.set(runState, { v: 1, steps: ['a'] });
    expect((await connect()).savedRun).toEqual({ v: 1, steps: ['a'] });
    lms.states.set(recordedState, { at: '2026-12-01T10:00:00Z' });
    lms.requests.length = 0;
    lms.verbs.length = 0;
    const practice = await connect();
    expect(practice.practiceOnly).toBe(true);
    expect(practice.savedRun).toBeUndefined();
    expect(lms.requests).not.toContain(`GET ${runState}`);
    // A session that can record nothing ends at once, and keeps nothing in the LRS.
    expect(lms.verbs).toEqual(['initialized', 'terminated']);
    practice.keepRun({ v: 1, steps: ['b'] }, false);
    await settle();
    expect(lms.runPuts).toEqual([]);
  });

  it('keeps nothing in the LRS when launched for browsing', async () => {
    const lms = fakeLms({ launchMode: 'Browse' });
    const cmi5 = await connect();
    expect(cmi5.practiceOnly).toBe(true);
    cmi5.keepRun({ v: 1, steps: ['a'] }, false);
    await settle();
    expect(lms.runPuts).toEqual([]);
  });

  it('after a reload resumes the tab’s own run, without asking the LRS or the fetch URL again', async () => {
    const lms = fakeLms();
    lms.states.set(runState, { v: 1, steps: ['older'] });
    const tab = memoryTab({
      fetch: launch.fetch,
      token: 'tok',
      startedAt: Date.now(),
      sent: ['initialized'],
      run: { v: 1, steps: ['a', 'b'] },
    });
    const cmi5 = await connect(tab);
    expect(cmi5.savedRun).toEqual({ v: 1, steps: ['a', 'b'] });
    expect(lms.requests).not.toContain(`GET ${runState}`);
    expect(lms.verbs).toEqual([]);
  });

  it('starts afresh, with a warning, when the kept run cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fakeLms({}, { down: [runState] });
    const cmi5 = await connect();
    expect(cmi5.savedRun).toBeUndefined();
    expect(cmi5.runUnreadable).toBe(true);
    expect(cmi5.practiceOnly).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('starts afresh'), expect.any(TypeError));
  });

  it('tells a run the LRS would not give back from none at all', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fakeLms({}, { fail: { [runState]: 503 } });
    const refused = await connect();
    expect(refused.runUnreadable).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('503'));
    fakeLms();
    expect((await connect()).runUnreadable).toBe(false);
  });

  it('sends runs one at a time, in order, and of those made meanwhile only the latest', async () => {
    const lms = fakeLms({}, { hold: true });
    const cmi5 = await connect();
    await threeRuns(cmi5, lms);
    lms.held.shift()!();
    await vi.waitFor(() => expect(lms.runPuts).toHaveLength(2));
    lms.held.shift()!();
    await settle();
    expect(lms.runPuts).toEqual([
      { v: 1, steps: ['a'] },
      { v: 1, steps: ['a', 'b', 'c'] },
    ]);
    expect(lms.states.get(runState)).toEqual({ v: 1, steps: ['a', 'b', 'c'] });
  });

  it('marks the result with its "completed" statement before "terminated", and a next session takes it as recorded only if the LRS has that statement', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const lms = fakeLms();
    expect(await (await connect()).complete(result)).toBe(true);
    // The mark went out before "terminated", after which the LMS refuses the token, and with keepalive.
    const mark = lms.fetch.mock.calls.find(
      ([url, init]) => init?.method === 'PUT' && String(url).includes(encodeURIComponent(recordedState)),
    );
    expect(mark?.[1]).toMatchObject({ method: 'PUT', keepalive: true });
    const { statement } = lms.states.get(recordedState) as { statement: string };
    expect(lms.stored.has(statement)).toBe(true);
    expect(lms.posts.at(-1)).toEqual(['terminated']);
    // The next session finds the statement: practice.
    const next = fakeLms({}, {}, lms.stored);
    next.states.set(recordedState, lms.states.get(recordedState));
    expect((await connect()).practiceOnly).toBe(true);

    // "completed" refused: the learner is told (false), and the mark names a statement the LRS does not have.
    const refused = fakeLms({}, { refuse: ['completed'] });
    expect(await (await connect()).complete(result)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('500'));
    const again = fakeLms({}, {}, refused.stored);
    again.states.set(recordedState, refused.states.get(recordedState));
    expect((await connect()).practiceOnly).toBe(false);
  });

  it('takes the result as not recorded, with a warning, where the LRS cannot say', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fakeLms({}, { fail: { [recordedState]: 500 } });
    expect((await connect()).practiceOnly).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not recorded'), expect.any(Error));
  });

  it('says nothing of a run it could not read where the launch is for browsing, which records nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fakeLms({ launchMode: 'Browse' }, { down: [runState] });
    expect((await connect()).runUnreadable).toBe(false);
  });

  it('goes on sending statements after one request was lost on its way', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const lms = fakeLms({}, { drop: ['answered'] });
    const cmi5 = await connect();
    expect(await cmi5.answered('n1', 'c1', { warn: 1 })).toBe(false);
    expect(await cmi5.answered('n2', 'c2', { warn: 1 })).toBe(true);
    expect(await cmi5.complete(result)).toBe(true);
    expect(lms.verbs).toEqual(['initialized', 'answered', 'completed', 'terminated']);
    // The last choice's "answered", sent in the same task as the result, goes on its own.
    const last = fakeLms({ masteryScore: 0.5 });
    const session = await connect();
    void session.answered('n3', 'c3', { warn: 1 });
    await session.complete(result);
    expect(last.posts.slice(1)).toEqual([['answered'], ['completed', 'passed'], ['terminated']]);
  });

  it('sends what waits behind a request on its way at once when the window closes', async () => {
    const lms = fakeLms({}, { hold: true });
    const cmi5 = await connect();
    await threeRuns(cmi5, lms);
    cmi5.flush();
    await settle();
    expect(lms.runPuts).toEqual([
      { v: 1, steps: ['a'] },
      { v: 1, steps: ['a', 'b', 'c'] },
    ]);
  });
});
