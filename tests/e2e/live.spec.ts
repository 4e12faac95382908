import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { findNode } from '../../src/engine/graph.ts';
import { markedPath } from '../../src/engine/paths.ts';
import { qrSvg } from '../../src/live/qr-code.ts';
import { liveRoomsKey, livePhoneKey, workshopsKey } from '../../src/browser/storage-keys.ts';
import { choiceLabel, fill, plural, scenarios, ui } from './course-data.ts';
import { expect, type LiveServer, ProjectorScreen, test, waitForIsland } from './fixtures.ts';
import { coursePort, phoneHost } from './origin.ts';

const contractor = scenarios.find((s) => s.id === 'contractor')!;
const start = findNode(contractor, contractor.start)!;
const choices = start.type === 'decision' ? start.choices : [];
const votesIn = (n: number) => plural(ui.en['workshop.votesIn'], n, 'en');
/** What a static host serves at /live/status.json: the build's own file, saying there is no live server. */
const staticStatus = readFileSync('public/live/status.json', 'utf8');

/** The dark modules of the QR code of `text`, as the SVG path the course's QR maker draws. */
const modules = (text: string) => /\sd="([^"]+)"/.exec(qrSvg(text))![1]!;

/** Taps a choice on a phone and waits until the server acknowledged it. */
async function vote(phone: Page, label: string) {
  await phone.getByRole('button', { name: label, exact: true }).click();
  await expect(phone.locator('#join-vote')).toHaveText(ui.en['join.received']);
  await expect(phone.getByRole('button', { name: label, exact: true })).toHaveAttribute('aria-pressed', 'true');
}

test('a room plays through the server: phones join, vote, change a vote, see the reveal and the consequence, and reconnect', async ({
  page,
  browser,
  facilitator,
  phones,
}) => {
  // Three phones, a console and a screen, and a phone that waits out a dropped connection.
  test.setTimeout(120_000);
  await facilitator.open();
  const { join, room } = await facilitator.startLive();
  expect(new URL(join).hostname).toBe(phoneHost);
  // The projector on another device: its own browser context, following the room through the server.
  const screen = await new ProjectorScreen(await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()).open(
    'en',
    'contractor',
    `?room=${room}`,
  );
  await expect(screen.heading).toHaveText(start.title.en);
  await expect(screen.page.locator('.screen-code')).toContainText(join.slice(-6));
  // A phone that cannot scan the QR code types the address under it.
  await expect(screen.page.locator('.screen-join')).toContainText(join.replace(/^https?:\/\//, ''));

  const [a, b, c] = await Promise.all([phones.join(join), phones.join(join), phones.join(join)]);
  // A phone on the laptop's network address runs over plain http: not a secure context.
  expect(await a!.evaluate(() => isSecureContext)).toBe(false);
  await expect(a!.locator('#join-moment')).toHaveText(start.title.en);
  await expect(page.locator('.live-status')).toHaveText(plural(ui.en['live.phones'], 3, 'en'));

  await vote(a!, choices[0]!.label.en);
  await vote(b!, choices[1]!.label.en);
  await vote(c!, choices[1]!.label.en);
  // A changed vote replaces the phone's first one.
  await vote(c!, choices[0]!.label.en);
  await expect(page.locator('.tally-total')).toHaveText(votesIn(3));
  await expect(page.locator('.from-phones li').nth(0)).toHaveText(plural(ui.en['live.fromPhones'], 2, 'en'));
  await expect(page.locator('.from-phones li').nth(1)).toHaveText(plural(ui.en['live.fromPhones'], 1, 'en'));
  // Hand counts add to the phones' votes.
  await page.keyboard.press('Digit2');
  await expect(page.locator('.tally-total')).toHaveText(votesIn(4));
  // Each choice says its total, phones and hands together, as Go with the majority counts it.
  await expect(page.locator('.tally li').nth(0).locator('.choice-total')).toHaveText(plural(ui.en['workshop.votes'], 2, 'en'));
  await expect(page.locator('.tally li').nth(1).locator('.choice-total')).toHaveText(plural(ui.en['workshop.votes'], 2, 'en'));
  // So does a choice no phone voted for: every total lines up, none is left to work out.
  await expect(page.locator('.tally li').nth(2).locator('.choice-total')).toHaveText(plural(ui.en['workshop.votes'], 0, 'en'));
  await expect(screen.votes).toHaveText(votesIn(4));
  await expect(screen.bars).toHaveCount(0);

  await facilitator.reveal();
  await expect(screen.bars).toHaveCount(choices.length);
  await expect(screen.bars.nth(0)).toContainText('2');
  await expect(screen.bars.nth(1)).toContainText('2');
  for (const phone of [a!, b!, c!]) await expect(phone.locator('#join-vote')).toHaveText(ui.en['join.revealed']);
  await expect(b!.getByRole('button', { name: choices[0]!.label.en, exact: true })).toBeDisabled();

  // A tie at the top: the facilitator follows the first choice; phones see the consequence, then the next moment.
  const step = { node: start.id, choice: choices[0]!.id };
  await facilitator.goWith(1);
  await expect(a!.locator('#join-consequence-title')).toHaveText(
    fill(ui.en['join.consequence'], { choice: choiceLabel(contractor, step, 'en') }),
  );
  await expect(a!.locator('.join-choices button')).toHaveCount(0);
  // The next moment waits for the screen: the room is still talking over this consequence.
  await expect(a!.locator('#join-moment')).toBeHidden();
  await expect(a!.locator('#join-consequence-title')).toBeFocused();
  await facilitator.continue();
  const nextTitle = (await page.locator('#console-heading').textContent()) ?? '';
  await expect(a!.locator('#join-moment')).toHaveText(nextTitle);
  await expect(a!.locator('#join-vote')).toHaveText(ui.en['join.tap']);

  // A phone that drops says so, and comes back to the room as it is now. Going offline leaves an
  // open stream open in Chromium; stopping the page's loads as well cuts it, as a Wi-Fi drop does.
  await a!.context().setOffline(true);
  await a!.evaluate(() => window.stop());
  await expect(a!.locator('#join-link')).toHaveText(ui.en['join.reconnecting']);
  await a!.context().setOffline(false);
  await expect(a!.locator('#join-link')).toHaveText(ui.en['join.live'], { timeout: 30_000 });
  await expect(a!.locator('#join-moment')).toHaveText(nextTitle);
});

test('an unknown or expired join code opens a page that says so and asks for the code', async ({ phones }) => {
  const phone = await phones.newPhone();
  await phone.goto(`http://${phoneHost}:${coursePort}/j/ZZZZZZ`);
  await expect(phone).toHaveURL(/\/en\/join\/\?code=ZZZZZZ$/);
  await expect(phone.getByRole('alert')).toHaveText(ui.en['join.unknownCode']);
  await expect(phone.getByLabel(ui.en['join.code'])).toBeVisible();
  await expect(phone).toPassAxe();
});

test('a participant cannot act as the facilitator: changing the room’s state with a phone’s token is refused', async ({
  page,
  facilitator,
  phones,
}) => {
  await facilitator.open();
  const { join, room } = await facilitator.startLive();
  const phone = await phones.join(join);
  const status = await phone.evaluate(
    async ([id, key]) => {
      const token = JSON.parse(localStorage.getItem(key) ?? '{}').token as string;
      const attempt = (method: string, path: string) =>
        fetch(`/live/rooms/${id}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: method === 'DELETE' ? null : '{}',
        }).then((r) => r.status);
      return [await attempt('PUT', '/state'), await attempt('DELETE', ''), await attempt('POST', '/tickets')];
    },
    [room, livePhoneKey] as const,
  );
  expect(status).toEqual([403, 403, 403]);
  await expect(page.locator('.live-join')).toBeVisible();
});

/**
 * Takes the server down with `down`, sees `dropped` phone and the console say they are
 * reconnecting, starts the server again, and sees `back` phone and the console live again with
 * `phonesIn` phones joined.
 */
async function throughRestart(
  page: Page,
  server: LiveServer,
  down: () => Promise<void>,
  [dropped, back]: [Page, Page],
  phonesIn: number,
  whileDown: () => Promise<void> = async () => {},
) {
  await down();
  // The dropped phone has voted: it is told its vote is kept.
  await expect(dropped.locator('#join-link')).toHaveText(ui.en['join.reconnectingKept']);
  await expect(page.locator('.live-status')).toHaveText(ui.en['live.reconnecting']);
  await whileDown();
  await server.start();
  await expect(back.locator('#join-link')).toHaveText(ui.en['join.live'], { timeout: 30_000 });
  await expect(page.locator('.live-status')).toHaveText(plural(ui.en['live.phones'], phonesIn, 'en'), { timeout: 30_000 });
}

test('the server killed in the middle of a vote and started again loses no vote; phones and the console resume', async ({
  page,
  facilitator,
  phones,
  liveServer,
}) => {
  test.setTimeout(120_000);
  const server = await liveServer(4461);
  await facilitator.open('contractor', { origin: server.origin });
  const { join } = await facilitator.startLive();
  const [a, b, c] = await Promise.all([phones.join(join), phones.join(join), phones.join(join)]);
  await vote(a!, choices[2]!.label.en);
  await vote(b!, choices[2]!.label.en);
  await expect(page.locator('.tally-total')).toHaveText(votesIn(2));
  // A tap while the server is down fails, and the phone no longer says its vote is kept: it says to tap again.
  const tapWhileDown = async () => {
    await a!.getByRole('button', { name: choices[0]!.label.en, exact: true }).click();
    await expect(a!.locator('#join-vote')).toHaveText(ui.en['join.voteFailed']);
    await expect(a!.locator('#join-link')).toHaveText(ui.en['join.reconnecting']);
  };
  await throughRestart(page, server, () => server.kill(), [a!, a!], 3, tapWhileDown);
  // The votes stored before the crash are all there, and each phone still shows its own.
  await expect(page.locator('.tally-total')).toHaveText(votesIn(2));
  await expect(a!.getByRole('button', { name: choices[2]!.label.en, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await vote(c!, choices[0]!.label.en);
  await expect(page.locator('.tally-total')).toHaveText(votesIn(3));
});

test('Ctrl+C stops the server even with phones connected, and they and the console follow the server started again', async ({
  page,
  facilitator,
  phones,
  liveServer,
}) => {
  test.setTimeout(120_000);
  const server = await liveServer(4462);
  await facilitator.open('contractor', { origin: server.origin });
  const { join } = await facilitator.startLive();
  const [a, b] = await Promise.all([phones.join(join), phones.join(join)]);
  await vote(a!, choices[2]!.label.en);
  await expect(page.locator('.tally-total')).toHaveText(votesIn(1));
  // Open event streams used to keep the stopped process alive, and phones with it, deaf to the next one.
  await throughRestart(page, server, () => server.stop(), [a!, b!], 2);
  // The new server's counts reach the console: the vote from before, and one cast after.
  await vote(b!, choices[0]!.label.en);
  await expect(page.locator('.tally-total')).toHaveText(votesIn(2));
});

test('starting and stopping live voting by keyboard leaves focus on the live section’s heading, not at the top of the page', async ({
  page,
  facilitator,
}) => {
  await facilitator.open();
  const heading = page.locator('#live-heading');
  await page.getByRole('button', { name: ui.en['live.start'] }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.live-join')).toContainText('/j/');
  await expect(heading).toBeFocused();
  await page.getByRole('button', { name: ui.en['live.stop'] }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.live-join')).toHaveCount(0);
  await expect(heading).toBeFocused();
  // Started again from the panel's own button, focus stays in the section as well.
  await page.getByRole('button', { name: ui.en['live.start'] }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.live-join')).toContainText('/j/');
  await expect(heading).toBeFocused();
  await page.getByRole('button', { name: ui.en['live.stop'] }).click();
  await page.locator('#live-stop').locator('..').getByRole('button', { name: ui.en['live.stop'] }).click();
});

test('without a live server the console says why live voting is off, and hand counts work as before', async ({ page, facilitator }) => {
  // An unsupported browser says so too: EventSource removed before the page runs.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('no-eventsource')) Reflect.deleteProperty(window, 'EventSource');
  });
  // A static host answers /live/status.json with the build's own file, which says there is no live server.
  await page.route('**/live/status.json', (route) => route.fulfill({ contentType: 'application/json', body: staticStatus }));
  await facilitator.open();
  await page.getByRole('button', { name: ui.en['live.start'] }).click();
  await expect(page.locator('.live-status')).toHaveText(ui.en['live.static']);
  await expect(page.locator('.live-join')).toHaveCount(0);
  await page.keyboard.press('Digit1');
  await expect(page.locator('.tally-total')).toHaveText(votesIn(1));
  // The room's Wi-Fi is down: nothing answers at all.
  await page.unroute('**/live/status.json');
  await page.route('**/live/status.json', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: ui.en['live.start'] }).click();
  await expect(page.locator('.live-status')).toHaveText(ui.en['live.unreachable']);
  // Nothing was lost: the hand count is still there.
  await expect(page.locator('.tally-total')).toHaveText(votesIn(1));
  await page.evaluate(() => sessionStorage.setItem('no-eventsource', '1'));
  await facilitator.reload();
  await page.getByRole('button', { name: ui.en['live.start'] }).click();
  await expect(page.locator('.live-status')).toHaveText(ui.en['live.unsupported']);
  await expect(page.locator('.tally-total')).toHaveText(votesIn(1));
});

test('the projector’s QR code opened on this machine offers the address its server gives phones, and warns only when there is none', async ({
  page,
}) => {
  // The live server knows the address phones reach it at (here PUBLIC_URL; else the machine's
  // network address): the screen, opened on localhost, offers that one, with no warning.
  const network = `http://${phoneHost}:${coursePort}/en/`;
  await page.goto('/en/facilitate/contractor/screen/');
  await waitForIsland(page, 'screen');
  await expect(page.locator('.qr path')).toHaveAttribute('d', modules(network));
  await expect(page.locator('.screen-join strong')).toHaveText(`${phoneHost}:${coursePort}/en`);
  await expect(page.locator('.screen-warning')).toHaveCount(0);
  // Served without a live server (a static host answers with the build's file), nothing tells
  // another address: the code is for the one the screen was opened at, made in the browser, and
  // no phone can reach it, which the screen says.
  await page.route('**/live/status.json', (route) => route.fulfill({ contentType: 'application/json', body: staticStatus }));
  const local = `http://localhost:${coursePort}/en/`;
  await page.reload();
  await waitForIsland(page, 'screen');
  await expect(page.locator('.qr path')).toHaveAttribute('d', modules(local));
  await expect(page.locator('.screen-warning')).toBeVisible();
  const other = `http://127.0.0.1:${coursePort}/en/`;
  await page.goto(`${other}facilitate/contractor/screen/`);
  await waitForIsland(page, 'screen');
  await expect(page.locator('.qr path')).toHaveAttribute('d', modules(other));
  await expect(page.locator('.screen-join strong')).toHaveText(`127.0.0.1:${coursePort}/en`);
});

test('the recommended path played with live voting on keeps the phones’ votes in the session', async ({ page, facilitator, phones }) => {
  await facilitator.open();
  const { join } = await facilitator.startLive();
  const phone = await phones.join(join);
  const path = markedPath(contractor, 'recommended');
  for (const step of path.slice(0, 2)) {
    await vote(phone, choiceLabel(contractor, step, 'en'));
    await facilitator.majorityButton.click();
    await facilitator.continue();
  }
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), workshopsKey);
  const session = Object.values(saved.sessions as Record<string, { phones: Record<string, number>[]; steps: unknown[] }>)[0]!;
  expect(session.steps).toEqual(path.slice(0, 2));
  expect(session.phones.slice(0, 2)).toEqual(path.slice(0, 2).map((s) => ({ [s.choice]: 1 })));
});

test('a console reopened with its room resumes it; one whose saved room is damaged says so, and keeps the phones’ votes', async ({
  page,
  facilitator,
  phones,
}) => {
  await facilitator.open();
  const { join, code } = await facilitator.startLive();
  const phone = await phones.join(join);
  await vote(phone, choices[0]!.label.en);
  await expect(page.locator('.tally-total')).toHaveText(votesIn(1));
  // Saved in the current format, and resumed on a reload: the same code, the vote still there.
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), liveRoomsKey);
  expect(saved).toMatchObject({ v: 1, rooms: expect.any(Object) });
  await page.reload();
  await expect(page.locator('.live-join')).toContainText(code);
  await expect(page.locator('.tally-total')).toHaveText(votesIn(1));
  // The saved room damaged (its secret lost): the console cannot resume it, says why, and the vote stays.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    liveRoomsKey,
    JSON.stringify({ v: 1, rooms: Object.fromEntries(Object.keys(saved.rooms).map((id) => [id, { room: 'x' }])) }),
  ] as const);
  await page.reload();
  await expect(page.locator('.live-status')).toHaveText(ui.en['live.unreadable']);
  await expect(page.locator('.live-join')).toHaveCount(0);
  await expect(page.locator('.tally-total')).toHaveText(votesIn(1));
});
