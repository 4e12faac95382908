// One accessibility check for every spec: axe at WCAG 2.2 AA, the level the course is held to.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe's rule tags for WCAG 2.2 at level AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is now, within the `include` selector when given, and expects no
 * violation; each one is listed as `rule: elements`, after `state` when given, so a failure names
 * what was on screen.
 */
export async function expectNoViolations(page: Page, options: { include?: string; state?: string } = {}): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(wcagTags);
  const { violations } = await (options.include ? builder.include(options.include) : builder).analyze();
  const prefix = options.state ? `${options.state}: ` : '';
  expect(violations.map((v) => `${prefix}${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
