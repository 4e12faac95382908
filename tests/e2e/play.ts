import { expect, type Page } from '@playwright/test';
import type { ScenarioContent } from '../../src/engine/schema.ts';
import type { Step } from '../../src/engine/types.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { choiceLabel, ui } from './course-data.ts';

/** Makes the decisions by clicking their buttons, reading each feedback and moving on. */
export async function play(page: Page, scenario: ScenarioContent, steps: readonly Step[], locale: Locale): Promise<void> {
  for (const step of steps) {
    await page.getByRole('button', { name: choiceLabel(scenario, step, locale), exact: true }).click();
    await page.getByRole('button', { name: ui[locale]['player.continue'] }).click();
  }
}

/** Waits until the island `name` has been hydrated and shows saved progress. */
export async function waitForIsland(page: Page, name: string): Promise<void> {
  await expect(page.locator(`[data-island="${name}"]`)).toHaveAttribute('data-hydrated', 'true');
}

/** Opens a scenario page and waits until the player is hydrated. */
export async function openScenario(page: Page, locale: Locale, id: string): Promise<void> {
  await page.goto(`/${locale}/scenarios/${id}/`);
  await waitForIsland(page, 'player');
}
