// The scenario player as a learner meets it, wherever it runs: its own page, an embed frame, a
// frame inside an LMS. Locators are the ones a reader would name (roles and the UI's own words).
import { expect, type Frame, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../../src/engine/locales.ts';
import type { ScenarioContent } from '../../../src/engine/schema.ts';
import type { Step } from '../../../src/engine/types.ts';
import { choiceLabel, ui } from '../course-data.ts';

/** Where a player can live: a page, a frame, or a frame not yet attached (an LMS's iframe). */
export type PlayerRoot = Page | Frame | FrameLocator;

/** Waits until the island `name` (`player`, `embed`, `console`, `screen`, `sessions`, `progress`) has hydrated. */
export async function waitForIsland(root: PlayerRoot, name: string): Promise<void> {
  await expect(root.locator(`[data-island="${name}"]`)).toHaveAttribute('data-hydrated', 'true');
}

/** A scenario player in `lang`: choose, continue, read the strip, the meters and the feedback, open the map. */
export class ScenarioPlayer {
  constructor(
    readonly root: PlayerRoot,
    readonly lang: Locale,
  ) {}

  /**
   * Opens `/{lang}/scenarios/{id}/` (or the embed frame's page, with `island: 'embed'`) and waits
   * until the player has hydrated. Only a player on a page can open one.
   */
  async open(id: string, island: 'player' | 'embed' = 'player'): Promise<this> {
    if (!('goto' in this.root)) throw new Error('only a player on a page can open a scenario');
    await this.root.goto(`/${this.lang}/${island === 'player' ? 'scenarios' : 'embed'}/${id}/`);
    await waitForIsland(this.root, island);
    return this;
  }

  /** The button of the choice `step` makes, by its label in the player's language. */
  choice(scenario: ScenarioContent, step: Step): Locator {
    return this.root.getByRole('button', { name: choiceLabel(scenario, step, this.lang), exact: true });
  }

  /** Clicks the choice `step` makes; its feedback follows. */
  async choose(scenario: ScenarioContent, step: Step): Promise<void> {
    await this.choice(scenario, step).click();
  }

  /** The Continue button under a choice's feedback. */
  get continueButton(): Locator {
    return this.root.getByRole('button', { name: ui[this.lang]['player.continue'] });
  }

  /** Moves on from a choice's feedback to the next decision or the outcome. */
  async continue(): Promise<void> {
    await this.continueButton.click();
  }

  /** Makes the decisions by clicking their buttons, reading each feedback and moving on. */
  async play(scenario: ScenarioContent, steps: readonly Step[]): Promise<void> {
    for (const step of steps) {
      await this.choose(scenario, step);
      await this.continue();
    }
  }

  /** The label of the choice whose feedback is on show. */
  get feedbackChoice(): Locator {
    return this.root.locator('.feedback-choice');
  }

  /** The feedback after a choice: what happened, the meters' changes, the why and the points. */
  get feedback(): Locator {
    return this.root.locator('.feedback');
  }

  /** The line above a moment: its day and, where the story shows it, the money. */
  get strip(): Locator {
    return this.root.locator('.story-strip');
  }

  /** The meters' group, named for screen readers. */
  get meters(): Locator {
    return this.root.getByRole('group', { name: ui[this.lang]['player.meters'] });
  }

  /** The outcome after an ending: its heading, grade, scores and debrief. */
  get outcome(): Locator {
    return this.root.locator('.outcome');
  }

  /** The scenario map below the player. */
  get map(): Locator {
    return this.root.locator('#scenario-map');
  }

  /**
   * Opens the scenario map below the player with its button, as a learner does, and waits until the
   * map has taken the button's place, with focus on its heading.
   */
  async openMap(): Promise<void> {
    await this.map.locator('[data-map-open]').click();
    await expect(this.root.locator('#scenario-map.map #map-heading')).toBeFocused();
  }
}
