// The SCORM 1.2 run-time side: find the LMS's API, report status, scores, interactions and
// time, and keep the run in cmi.suspend_data so a learner resumes where they left off.
import type { LmsResult } from './result.ts';
import { countedPoints } from '../engine/scoring.ts';

export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(name: string): string;
  LMSSetValue(name: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
}

const isApi = (value: unknown): value is Scorm12Api =>
  typeof value === 'object' && value !== null && typeof (value as Scorm12Api).LMSInitialize === 'function';

/** Looks for `API` up the chain of parents (as the SCORM 1.2 run-time asks), then from the opener's. */
export function findScormApi(start: Window): Scorm12Api | undefined {
  const search = (from: Window | null) => {
    let win = from;
    for (let depth = 0; win && depth < 10; depth++) {
      try {
        const api = (win as unknown as { API?: unknown }).API;
        if (isApi(api)) return api;
      } catch (error) {
        // A frame of another origin cannot be read; the LMS's frame is further up or nowhere.
        console.warn('SCORM API search stopped at a frame of another origin.', error);
        return undefined;
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return undefined;
  };
  return search(start) ?? search(start.opener as Window | null);
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function scormTime(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/**
 * The response of a moment's choice number `index` (from 0): `a`, `b`, … `z`, then `0`–`9`, the
 * characters SCORM 1.2 allows in a `choice` interaction's response (RTE, the CMIFeedback of
 * `cmi.interactions.n.student_response`); undefined past the 36th or for no choice (-1).
 */
export function choiceLetter(index: number): string | undefined {
  return index >= 0 ? 'abcdefghijklmnopqrstuvwxyz0123456789'[index] : undefined;
}

/**
 * The lesson status for an overall score (0-100) at the ending: `passed` or `failed` against the
 * mastery score the LMS gives in `cmi.student_data.mastery_score` (a CMIDecimal 0-100, from the
 * manifest's adlcp:masteryscore or the LMS's own setting; SCORM 1.2 RTE 3.4.2.3.1), `completed`
 * when it gives none (an empty string). The course's own grade bands play no part.
 */
export function judged(overall: number, masteryScore: string): 'passed' | 'failed' | 'completed' {
  const mastery = masteryScore.trim() === '' ? Number.NaN : Number(masteryScore);
  if (!Number.isFinite(mastery)) return 'completed';
  return overall >= mastery ? 'passed' : 'failed';
}

/** SCORM 1.2 CMITime for interactions: HH:MM:SS. */
const clock = (d: Date) => d.toTimeString().slice(0, 8);

const suspendLimit = 4096;

/**
 * Connects to the LMS. `onFailure` hears, once, when the LMS refuses to store something (its
 * error code, or the run being too long for suspend_data), so the learner can be told.
 */
export function connectScorm(api: Scorm12Api, onFailure: (detail: string) => void) {
  const started = Date.now();
  let finished = false;
  let failed = false;
  const fail = (detail: string) => {
    console.warn(`The LMS did not store the result: ${detail}`);
    if (!failed) onFailure(detail);
    failed = true;
  };
  // Every call answers "true" or "false" (some LMSs a boolean); on "false" the LMS's last error
  // says why. Interactions and objectives are optional in SCORM 1.2 and many LMSs refuse them
  // (error 401, not implemented): that is logged, and only the result itself is worth a notice.
  const check = (what: string, answer: unknown, essential = true) => {
    if (String(answer) === 'true') return;
    const detail = `${what}: error ${api.LMSGetLastError()}`;
    if (essential) fail(detail);
    else console.warn(`The LMS does not keep ${detail}`);
  };
  const set = (name: string, value: string) => check(name, api.LMSSetValue(name, value), !/^cmi\.(interactions|objectives)\./.test(name));
  const commit = () => check('LMSCommit', api.LMSCommit(''));
  check('LMSInitialize', api.LMSInitialize(''));
  const status = api.LMSGetValue('cmi.core.lesson_status');
  if (status === '' || status === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
  set('cmi.core.score.min', '0');
  set('cmi.core.score.max', '100');
  commit();

  return {
    /** Whether nothing may be recorded now: an earlier visit recorded the result, or the LMS opened the course for review or browsing. */
    practiceOnly:
      ['completed', 'passed', 'failed'].includes(status) || ['review', 'browse'].includes(api.LMSGetValue('cmi.core.lesson_mode')),
    /** The saved run, if any. */
    suspended(): unknown {
      const raw = api.LMSGetValue('cmi.suspend_data');
      if (!raw) return undefined;
      try {
        return JSON.parse(raw) as unknown;
      } catch (error) {
        console.warn('cmi.suspend_data could not be read; starting afresh.', error);
        return undefined;
      }
    },
    suspend(run: unknown) {
      const text = JSON.stringify(run);
      if (text.length <= suspendLimit) set('cmi.suspend_data', text);
      else fail(`the run is ${text.length} characters, over SCORM 1.2's ${suspendLimit} for suspend_data`);
      commit();
    },
    /**
     * One choice, as a cmi.interactions record: its id names the moment and the choice
     * (`node.choice`), its response is the choice's letter in the moment's order (`a` for the
     * first, see `choiceLetter`), as strict LMSs check; `index` is its place among the moment's
     * choices, from 0.
     */
    interaction(node: string, choice: string, index: number) {
      const n = Number(api.LMSGetValue('cmi.interactions._count')) || 0;
      set(`cmi.interactions.${n}.id`, `${node}.${choice}`.slice(0, 255));
      set(`cmi.interactions.${n}.type`, 'choice');
      const letter = choiceLetter(index);
      if (letter) set(`cmi.interactions.${n}.student_response`, letter);
      set(`cmi.interactions.${n}.result`, 'neutral');
      set(`cmi.interactions.${n}.time`, clock(new Date()));
      commit();
    },
    complete(result: LmsResult) {
      Object.entries(result.principles).forEach(([principle, s], i) => {
        set(`cmi.objectives.${i}.id`, principle);
        set(`cmi.objectives.${i}.score.min`, '0');
        set(`cmi.objectives.${i}.score.max`, String(s.max));
        set(`cmi.objectives.${i}.score.raw`, String(countedPoints(s.earned, s.max)));
        set(`cmi.objectives.${i}.status`, 'completed');
      });
      set('cmi.core.score.raw', String(result.overall));
      set('cmi.core.lesson_status', judged(result.overall, api.LMSGetValue('cmi.student_data.mastery_score')));
      commit();
    },
    finish() {
      if (finished) return;
      finished = true;
      // The page is going away: nobody is left to tell, so failures are only logged.
      failed = true;
      // Once per session, here: some LMSs add every write of session_time to the learner's total.
      set('cmi.core.session_time', scormTime(Date.now() - started));
      set('cmi.core.exit', ['completed', 'passed', 'failed'].includes(api.LMSGetValue('cmi.core.lesson_status')) ? '' : 'suspend');
      commit();
      check('LMSFinish', api.LMSFinish(''));
    },
  };
}
