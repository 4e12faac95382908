// Adds up the vitest and Playwright results written by their JSON reporters and prints the line
// CI reads. Exits non-zero when no test ran at all.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);
const unit = read('test-results/unit.json');
const e2e = read('test-results/e2e.json');

const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);

console.log(
  `unit: ${unit ? `${unit.numPassedTests} passed, ${unit.numFailedTests} failed` : 'did not run'}; end-to-end: ${e2e ? `${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed` : 'did not run'}`,
);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(passed + failed === 0 ? 1 : 0);
