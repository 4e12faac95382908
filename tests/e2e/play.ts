import { expect, type Page } from '@playwright/test';
import type { ScenarioContent } from '../../src/engine/schema.ts';
import type { Step } from '../../src/engine/types.ts';
import type { Locale } from '../../src/engine/locales.ts';
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

/** Opens a scenario's facilitator console (at `origin`, when not the tests' own) and waits until its session is live. */
export async function openConsole(page: Page, locale: Locale = 'en', scenario = 'contractor', origin = ''): Promise<void> {
  await page.goto(`${origin}/${locale}/facilitate/${scenario}/`);
  await waitForIsland(page, 'console');
  // The session is live once its id is in the address (the console names it after hydrating).
  await expect(page).toHaveURL(/[?]session=/);
}

/** Opens a scenario's facilitator console and, from it, the projector screen; returns the screen. */
export async function openConsoleAndScreen(page: Page, locale: Locale = 'en', scenario = 'contractor'): Promise<Page> {
  await openConsole(page, locale, scenario);
  const popup = page.waitForEvent('popup');
  await page.getByRole('link', { name: ui[locale]['workshop.openScreen'] }).click();
  const screen = await popup;
  await waitForIsland(screen, 'screen');
  // The popup takes the foreground, where a hidden page's animation frames stop; in a room
  // both windows are on show (laptop and projector).
  await page.bringToFront();
  return screen;
}

/**
 * Opens the scenario map below the player with its button, as a learner does, and waits until the
 * map has taken the button's place, with focus on its heading.
 */
export async function openMap(page: Page): Promise<void> {
  await page.locator('#scenario-map [data-map-open]').click();
  await expect(page.locator('#scenario-map.map #map-heading')).toBeFocused();
}
