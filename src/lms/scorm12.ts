// The SCORM 1.2 run-time side: find the LMS's API, report status, scores, interactions and
// time, and keep the run in cmi.suspend_data so a learner resumes where they left off.
import type { ScenarioResult } from '../stores/progress-format.ts';

export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(name: string): string;
  LMSSetValue(name: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
}

const isApi = (value: unknown): value is Scorm12Api => typeof value === 'object' && value !== null && typeof (value as Scorm12Api).LMSInitialize === 'function';

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

/** SCORM 1.2 CMITime for interactions: HH:MM:SS. */
const clock = (d: Date) => d.toTimeString().slice(0, 8);

export const suspendLimit = 4096;

export function connectScorm(api: Scorm12Api) {
  const started = Date.now();
  let finished = false;
  api.LMSInitialize('');
  const status = api.LMSGetValue('cmi.core.lesson_status');
  if (status === '' || status === 'not attempted') api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
  api.LMSSetValue('cmi.core.score.min', '0');
  api.LMSSetValue('cmi.core.score.max', '100');
  api.LMSCommit('');

  return {
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
      if (text.length <= suspendLimit) api.LMSSetValue('cmi.suspend_data', text);
      else console.warn(`The run is ${text.length} characters, over SCORM 1.2's ${suspendLimit}; it is not saved.`);
      api.LMSCommit('');
    },
    /** One choice, as a cmi.interactions record. */
    interaction(node: string, choice: string) {
      const n = Number(api.LMSGetValue('cmi.interactions._count')) || 0;
      api.LMSSetValue(`cmi.interactions.${n}.id`, `${node}.${choice}`.slice(0, 255));
      api.LMSSetValue(`cmi.interactions.${n}.type`, 'choice');
      api.LMSSetValue(`cmi.interactions.${n}.student_response`, choice.slice(0, 255));
      api.LMSSetValue(`cmi.interactions.${n}.result`, 'neutral');
      api.LMSSetValue(`cmi.interactions.${n}.time`, clock(new Date()));
      api.LMSCommit('');
    },
    complete(result: ScenarioResult) {
      Object.entries(result.principles).forEach(([principle, s], i) => {
        api.LMSSetValue(`cmi.objectives.${i}.id`, principle);
        api.LMSSetValue(`cmi.objectives.${i}.score.min`, '0');
        api.LMSSetValue(`cmi.objectives.${i}.score.max`, String(s.max));
        api.LMSSetValue(`cmi.objectives.${i}.score.raw`, String(Math.min(s.max, Math.max(0, s.earned))));
        api.LMSSetValue(`cmi.objectives.${i}.status`, 'completed');
      });
      api.LMSSetValue('cmi.core.score.raw', String(result.overall));
      api.LMSSetValue('cmi.core.lesson_status', 'completed');
      api.LMSSetValue('cmi.core.session_time', scormTime(Date.now() - started));
      api.LMSCommit('');
    },
    finish() {
      if (finished) return;
      finished = true;
      api.LMSSetValue('cmi.core.session_time', scormTime(Date.now() - started));
      api.LMSSetValue('cmi.core.exit', api.LMSGetValue('cmi.core.lesson_status') === 'completed' ? '' : 'suspend');
      api.LMSCommit('');
      api.LMSFinish('');
    },
  };
}
