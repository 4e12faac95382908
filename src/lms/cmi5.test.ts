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
 * resource keeps documents by stateId, statements are listed by verb. `hold` keeps each run PUT
 * waiting until released, to see what is sent while one is on its way; `down` fails reads of
 * the named state documents as a lost connection does.
 */
function fakeLms(launchData: Record<string, unknown> = {}, options: { hold?: boolean; down?: string[] } = {}) {
  const states = new Map<string, unknown>([['LMS.LaunchData', { launchMode: 'Normal', ...launchData }]]);
  const verbs: string[] = [];
  const requests: string[] = [];
  const held: (() => void)[] = [];
  const runPuts: unknown[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    if (url.href === launch.fetch) return Response.json({ 'auth-token': 'tok' });
    if (url.pathname.endsWith('/statements')) {
      verbs.push((JSON.parse(String(init.body)) as { verb: { display: { 'en-US': string } } }).verb.display['en-US']);
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
    return states.has(stateId) ? Response.json(states.get(stateId)) : new Response(null, { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return { states, verbs, requests, held, runPuts };
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
    expect(cmi5.practiceOnly).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('starts afresh'), expect.any(TypeError));
  });

  it('sends runs one at a time, in order, and of those made meanwhile only the latest', async () => {
    const lms = fakeLms({}, { hold: true });
    const cmi5 = await connect();
    cmi5.keepRun({ v: 1, steps: ['a'] }, false);
    cmi5.keepRun({ v: 1, steps: ['a', 'b'] }, false);
    cmi5.keepRun({ v: 1, steps: ['a', 'b', 'c'] }, false);
    await settle();
    expect(lms.runPuts).toEqual([{ v: 1, steps: ['a'] }]);
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
});
