// The phone's join page in every state a participant meets, and the console's live panel on a
// phone-sized screen: in both languages, light and dark, axe finds nothing at WCAG 2.2 AA.
import type { Page } from '@playwright/test';
import { choiceLabel, decisionAt, fill, plural, scenarios, ui } from './course-data.ts';
import { expect, FacilitatorConsole, focusRingShown, test } from './fixtures.ts';
import { coursePort, phoneHost } from './origin.ts';

const contractor = scenarios.find((s) => s.id === 'contractor')!;
const start = decisionAt(contractor, contractor.start);
const first = start.choices[0];

/** Runs axe on the page as it is now, in the light and the dark scheme; names the state in any failure. */
const expectAccessible = (page: Page, state: string) => expect(page).toPassAxe({ state, colorSchemes: ['light', 'dark'] });

for (const locale of ['en', 'ru'] as const) {
  const t = ui[locale];
  test.describe(() => {
    test.use({ lang: locale });

    test(`the join page in each state a phone meets, ${locale}: axe finds nothing, light and dark`, async ({
      page,
      facilitator,
      phones,
    }) => {
      test.setTimeout(120_000);
      await facilitator.open();
      const { code } = await facilitator.startLive();
      const phone = await phones.newPhone();
      const context = phone.context();
      await phone.goto(`http://${phoneHost}:${coursePort}/${locale}/join/`);
      await expect(phone.getByLabel(t['join.code'])).toBeVisible();
      await expectAccessible(phone, 'code entry');

      await phone.getByLabel(t['join.code']).fill('ZZZZZZ');
      await phone.getByRole('button', { name: t['join.submit'] }).click();
      await expect(phone.getByRole('alert')).toHaveText(t['join.unknownCode']);
      await expectAccessible(phone, 'unknown code');

      await phone.getByLabel(t['join.code']).fill(code.toLowerCase());
      await phone.getByRole('button', { name: t['join.submit'] }).click();
      await expect(phone.locator('#join-moment')).toHaveText(start.title[locale]);
      await expect(phone.locator('#join-vote')).toHaveText(t['join.tap']);
      await expectAccessible(phone, 'voting');
      // Numbered as the screen and the console number them, for a show of hands (1, 2, … from the
      // list's counter, one step a button); the number is seen, not read out.
      const buttons = phone.locator('.join-choices button');
      expect(await phone.locator('.join-choices').evaluate((list) => getComputedStyle(list).counterReset)).toBe('choice 0');
      expect(
        await buttons.evaluateAll((all) =>
          all.map((b) => [getComputedStyle(b, '::before').counterIncrement, getComputedStyle(b, '::before').content]),
        ),
      ).toEqual(start.choices.map(() => ['choice 1', 'counter(choice) / ""']));
      await expect(buttons.first()).toHaveAccessibleName(first!.label[locale]);

      await phone.getByRole('button', { name: first!.label[locale], exact: true }).click();
      await expect(phone.locator('#join-vote')).toHaveText(t['join.received']);
      await expectAccessible(phone, 'vote received');

      await facilitator.reveal();
      await expect(phone.locator('#join-vote')).toHaveText(t['join.revealed']);
      await expectAccessible(phone, 'revealed');

      // The room follows its majority; a phone that joins now waits for the next moment's vote.
      await facilitator.majorityButton.click();
      const consequence = fill(t['join.consequence'], { choice: choiceLabel(contractor, { node: start.id, choice: first!.id }, locale) });
      await expect(phone.locator('#join-consequence-title')).toHaveText(consequence);
      const late = await phones.newPhone();
      await late.goto(`http://${phoneHost}:${coursePort}/j/${code}`);
      await expect(late.locator('#join-consequence-title')).toHaveText(consequence);
      await expect(late.locator('#join-next')).not.toBeEmpty();
      await expect(late.locator('#join-moment')).toBeHidden();
      // The room is named by the consequence on screen, not by the hidden next moment's title.
      await expect(late.locator('#join-room')).toHaveAttribute('aria-labelledby', 'join-consequence-title');
      await expect(late.locator('.join-choices button')).toHaveCount(0);
      await expect(page.locator('.live-status')).toHaveText(plural(t['live.phones'], 2, locale));
      await expectAccessible(late, 'joined, waiting for the next moment');
      // The room moves on: focus goes to the next moment's title, with no ring on a phone nobody has touched.
      await facilitator.continue();
      await expect(late.locator('#join-moment')).toBeFocused();
      expect(await focusRingShown(late.locator('#join-moment'))).toBe(false);

      // A dropped connection: going offline leaves an open stream open in Chromium; stopping the
      // page's loads as well cuts it, as a Wi-Fi drop does.
      await context.setOffline(true);
      await phone.evaluate(() => window.stop());
      await expect(phone.locator('#join-link')).toHaveText(t['join.reconnecting']);
      await expectAccessible(phone, 'reconnecting');
      await context.setOffline(false);
      await expect(phone.locator('#join-link')).toHaveText(t['join.live'], { timeout: 30_000 });

      await page.getByRole('button', { name: t['live.stop'] }).click();
      await page.getByRole('dialog').getByRole('button', { name: t['live.stop'] }).click();
      await expect(phone.locator('#join-link')).toHaveText(t['join.closed']);
      await expectAccessible(phone, 'live voting ended');
    });

    test(`the console's live panel on a phone-sized screen, ${locale}: axe finds nothing, light and dark`, async ({ phone: page }) => {
      // Two axe runs over the whole console.
      test.setTimeout(60_000);
      const facilitator = await new FacilitatorConsole(page, locale).open();
      await facilitator.startLive();
      await expect(facilitator.liveStatus).toHaveText(t['live.noPhones']);
      // Nothing of the panel runs off the side of a narrow screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(page, 'live panel');
    });
  });
}
