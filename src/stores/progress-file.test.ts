import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../tests/unit/fake-browser.ts';
import { progressKey } from '../browser/storage-keys.ts';

/** The progress page's data actions over a fresh progress store, in a browser whose storage holds `saved`. */
async function pageData(saved?: object) {
  vi.resetModules();
  const browser = fakeBrowser();
  if (saved) browser.items.set(progressKey, JSON.stringify(saved));
  const file = await import('./progress-file.ts');
  const { $progress } = await import('./progress.ts');
  return { data: file.createProgressData(), file, $progress };
}

const read = { v: 2, lessons: { 'warn-first': { read: true } }, scenarios: {} };

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the progress page’s data actions', () => {
  it('exports the progress as a dated JSON file that imports back', async () => {
    const { data, file } = await pageData(read);
    const exported = data.exportFile(new Date('2026-12-02T08:00:00Z'));
    expect(exported).toMatchObject({ name: 'checks-in-the-mail-progress-2026-12-02.json', type: 'application/json' });
    expect(file.decodeProgressFile(exported.content)).toEqual({
      ok: true,
      progress: { lessons: { 'warn-first': { read: true } }, scenarios: {} },
    });
  });

  it('replaces the progress with a well-formed file only once the learner agrees, and says so', async () => {
    const { data, file, $progress } = await pageData();
    const other = file.progressFile({ lessons: { 'warn-first': { read: true } }, scenarios: {} }, new Date());
    expect(data.choose(other)).toBe(true);
    expect(data.$message.get()).toBeUndefined();
    expect($progress.get().lessons).toEqual({});
    data.confirmImport();
    expect($progress.get().lessons).toEqual({ 'warn-first': { read: true } });
    expect(data.$message.get()).toEqual({ key: 'progress.imported', error: false });
  });

  it('changes nothing when the learner says no to a well-formed file, and says so', async () => {
    const { data, file, $progress } = await pageData();
    expect(data.choose(file.progressFile({ lessons: { 'warn-first': { read: true } }, scenarios: {} }, new Date()))).toBe(true);
    data.cancelImport();
    expect(data.$message.get()).toEqual({ key: 'progress.importCancelled', error: false });
    // A confirmation arriving after the no replaces nothing.
    data.confirmImport();
    expect($progress.get().lessons).toEqual({});
  });

  it('refuses a file that is not progress, saying why, and changes nothing', async () => {
    const { data, $progress } = await pageData(read);
    expect(data.choose('{"kind": "something else"}')).toBe(false);
    expect(data.$message.get()).toEqual({ key: 'progress.importError.not-progress', values: { detail: 'kind' }, error: true });
    expect(data.choose('not json')).toBe(false);
    expect(data.$message.get()).toMatchObject({ key: 'progress.importError.not-json', error: true });
    // Confirming after a refused file replaces nothing.
    data.confirmImport();
    expect($progress.get().lessons).toEqual({ 'warn-first': { read: true } });
  });

  it('names the file an export was saved to', async () => {
    const { data } = await pageData(read);
    const file = data.exportFile(new Date('2026-12-03T10:00:00Z'));
    expect(data.$message.get()).toEqual({ key: 'progress.exported', values: { file: file.name }, error: false });
  });

  it('says a repeated message again: a second export of the day empties the line, then names the file once more', async () => {
    const { data, file } = await pageData(read);
    vi.useFakeTimers();
    const said = { key: 'progress.exported', values: { file: 'checks-in-the-mail-progress-2026-12-03.json' }, error: false };
    data.exportFile(new Date('2026-12-03T10:00:00Z'));
    expect(data.$message.get()).toEqual(said);
    data.exportFile(new Date('2026-12-03T16:00:00Z'));
    expect(data.$message.get()).toBeUndefined();
    vi.advanceTimersByTime(file.repeatGap - 1);
    expect(data.$message.get()).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(data.$message.get()).toEqual(said);
    // A different message replaces it at once, and a pending repeat never overwrites a newer one.
    data.exportFile(new Date('2026-12-03T17:00:00Z'));
    data.reset();
    expect(data.$message.get()).toEqual({ key: 'progress.wasReset', error: false });
    vi.runAllTimers();
    expect(data.$message.get()).toEqual({ key: 'progress.wasReset', error: false });
  });

  it('resets the progress and says so', async () => {
    const { data, $progress } = await pageData(read);
    data.reset();
    expect($progress.get()).toEqual({ lessons: {}, scenarios: {} });
    expect(data.$message.get()).toEqual({ key: 'progress.wasReset', error: false });
  });
});

describe('the certificate’s name', () => {
  it('is the name typed without the spaces around it, and none when it is blank', async () => {
    const { file } = await pageData();
    const empty = { lessons: {}, scenarios: {} };
    expect(file.certificateName({ ...empty, name: '  Анна Рейес-Петрова ' })).toBe('Анна Рейес-Петрова');
    expect(file.certificateName({ ...empty, name: '   ' })).toBeUndefined();
    expect(file.certificateName(empty)).toBeUndefined();
  });
});
