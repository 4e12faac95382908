// The workshop as a facilitator runs it: the console on the laptop and the projector screen it
// opens, which follows the console through the browser (BroadcastChannel and the saved session)
// or, with live voting on, through the live server's room.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../../src/engine/locales.ts';
import type { ScenarioContent } from '../../../src/engine/schema.ts';
import type { Step } from '../../../src/engine/types.ts';
import { decisionAt, fill, ui } from '../course-data.ts';
import { waitForIsland } from './player.ts';

/** What starting live voting gives out: the six-letter code, the join address and the room id. */
export interface LiveRoom {
  code: string;
  join: string;
  room: string;
}

/** A scenario's facilitator console in `lang`. */
export class FacilitatorConsole {
  constructor(
    readonly page: Page,
    readonly lang: Locale,
  ) {}

  private get t() {
    return ui[this.lang];
  }

  /**
   * Opens the console of `scenario` (at `origin`, when not the tests' own; with `?session=` when
   * `session` is given) and waits until it has hydrated; without `session`, also until its new
   * session is live (named in the address).
   */
  async open(scenario = 'contractor', options: { origin?: string; session?: string } = {}): Promise<this> {
    const query = options.session === undefined ? '' : `?session=${options.session}`;
    await this.page.goto(`${options.origin ?? ''}/${this.lang}/facilitate/${scenario}/${query}`);
    await waitForIsland(this.page, 'console');
    if (options.session === undefined) await expect(this.page).toHaveURL(/[?]session=/);
    return this;
  }

  /** Opens the projector screen from the console's link, as a facilitator does; returns it once hydrated. */
  async openScreen(): Promise<ProjectorScreen> {
    const popup = this.page.waitForEvent('popup');
    await this.page.getByRole('link', { name: this.t['workshop.openScreen'] }).click();
    const screen = new ProjectorScreen(await popup);
    await waitForIsland(screen.page, 'screen');
    // The popup takes the foreground, where a hidden page's animation frames stop; in a room
    // both windows are on show (laptop and projector).
    await this.page.bringToFront();
    return screen;
  }

  /** Reloads the console, as a facilitator's laptop does, and waits until it has hydrated again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await waitForIsland(this.page, 'console');
  }

  /** The id of the session in the console's address. */
  get sessionId(): string {
    return new URL(this.page.url()).searchParams.get('session') ?? '';
  }

  /** Adds one hand-counted vote to the `n`th choice (1-based) with its button. */
  async addVote(n: number): Promise<void> {
    await this.page.getByRole('button', { name: fill(this.t['workshop.addVote'], { n }) }).click();
  }

  /** The box where the `n`th choice's (1-based) hand count is typed. */
  votesFor(n: number): Locator {
    return this.page.getByLabel(fill(this.t['workshop.votesFor'], { n }));
  }

  /** Types a hand count for the `n`th choice (1-based) and leaves the box, which records it. */
  async typeVotes(n: number, count: number): Promise<void> {
    await this.votesFor(n).fill(String(count));
    await this.votesFor(n).blur();
  }

  /** The line that says how many votes are in. */
  get tallyTotal(): Locator {
    return this.page.locator('.tally-total');
  }

  /** Shows the votes on the screen. */
  async reveal(): Promise<void> {
    await this.page.getByRole('button', { name: this.t['workshop.reveal'] }).click();
  }

  /** The "Go with the majority" button. */
  get majorityButton(): Locator {
    return this.page.getByRole('button', { name: this.t['workshop.goMajority'] });
  }

  /** Moves the room on with the `n`th choice (1-based). */
  async goWith(n: number): Promise<void> {
    await this.page.getByRole('button', { name: fill(this.t['workshop.goWith'], { n }) }).click();
  }

  /** Moves the room on with the choice `step` makes, by its place among its decision's choices. */
  async goWithStep(scenario: ScenarioContent, step: Step): Promise<void> {
    const index = decisionAt(scenario, step.node).choices.findIndex((c) => c.id === step.choice);
    if (index < 0) throw new Error(`${scenario.id} has no choice ${step.node}/${step.choice}`);
    await this.goWith(index + 1);
  }

  /** Moves on from a choice's consequence to the next moment. */
  async continue(): Promise<void> {
    await this.page.getByRole('button', { name: ui[this.lang]['player.continue'] }).click();
  }

  /** Goes with each step's choice and moves on, as a room that follows the given path. */
  async follow(scenario: ScenarioContent, steps: readonly Step[]): Promise<void> {
    for (const step of steps) {
      await this.goWithStep(scenario, step);
      await this.continue();
    }
  }

  /** The live panel's status line (phones connected, reconnecting, why live voting is off). */
  get liveStatus(): Locator {
    return this.page.locator('.live-status');
  }

  /** Starts live voting; returns the join code, the join address and the room id the console shows. */
  async startLive(): Promise<LiveRoom> {
    await this.page.getByRole('button', { name: this.t['live.start'] }).click();
    const joinLine = this.page.locator('.live-join');
    await expect(joinLine).toContainText('/j/');
    const text = (await joinLine.textContent()) ?? '';
    const join = /(https?:\/\/\S+\/j\/[A-Z0-9]{6})/.exec(text)?.[1];
    const screenLink = (await this.page.locator('.live code').textContent()) ?? '';
    const room = URL.canParse(screenLink) ? new URL(screenLink).searchParams.get('room') : null;
    if (!join || !room) throw new Error(`no join address or room in the live panel: "${text}", "${screenLink}"`);
    return { code: join.slice(-6), join, room };
  }
}

/** The projector screen: what the room sees. */
export class ProjectorScreen {
  constructor(readonly page: Page) {}

  /** Opens the screen of `scenario` in `lang` with the given query (`?session=…`, `?room=…`) and waits until it has hydrated. */
  async open(lang: Locale, scenario = 'contractor', query = ''): Promise<this> {
    await this.page.goto(`/${lang}/facilitate/${scenario}/screen/${query}`);
    await waitForIsland(this.page, 'screen');
    return this;
  }

  /** Reloads the screen and waits until it has hydrated again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await waitForIsland(this.page, 'screen');
  }

  /** The moment, consequence or ending on show. */
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The line that says how many votes are in (the votes themselves stay hidden until Reveal). */
  get votes(): Locator {
    return this.page.locator('.screen-votes');
  }

  /** The revealed votes' bars, one per choice. */
  get bars(): Locator {
    return this.page.locator('.bar');
  }
}
