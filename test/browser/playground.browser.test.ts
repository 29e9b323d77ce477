import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/load-config';
import { jsonLogger } from '../../src/logging/logger';
import { RunningBot, startBot } from '../../src/main';
import { freePort } from '../support/bot-process';
import { WALK } from '../support/review-walk';
import {
  CURRENT_USER,
  GROUP_MEMBERS,
  PlaygroundChat,
  RunningPlayground,
  errorUnder,
  launchChromium,
  startPlayground,
} from './playground-harness';

/**
 * The review's first steps clicked through in the Microsoft 365 Agents Playground: the bot's cards
 * as Teams' Adaptive Card renderer draws them, and the presses it sends back. `npm run test:browser`.
 *
 * PLAYGROUND_SCREENSHOTS=docs/playground also saves the screenshots the docs show.
 */

const TODAY = '2026-11-24';
const SET_UP = WALK.find((w) => w.step === 'set-up')!.typed;
const BAD_REFERENCE = 'not a ref!';
const OPEN_STEP = 'Open the current step (chair only)';
const SCREENSHOTS = process.env.PLAYGROUND_SCREENSHOTS ? resolve(process.env.PLAYGROUND_SCREENSHOTS) : undefined;

describe('a chair starts a review in the Agents Playground', () => {
  const directory = mkdtempSync(join(tmpdir(), 'cin-playground-'));
  const logged: string[] = [];
  let bot: RunningBot | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SQLITE_FILE: join(directory, 'reviews.sqlite'), LOG_LEVEL: 'warn' });
    bot = await startBot(config, jsonLogger('warn', (line) => logged.push(line)), () => ({ now: `${TODAY}T10:00:00.000Z`, today: TODAY }));
    playground = await startPlayground({ botUrl: bot.url, port: await freePort(), directory });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'Europe/London' });
  });

  afterAll(async () => {
    // Everything this suite started stops, whatever failed: the browser, the Playground, the bot.
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await playground?.stop();
    await bot?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('opens the set-up step, keeps what was typed beside an error, then moves on to introductions', async () => {
    const page = await context!.newPage();
    const chat = new PlaygroundChat(page);
    try {
      await chat.open(playground!.url);
      await chat.say('start review');

      // Everyone's card: progress only, with who chairs.
      const shared = chat.latestCard();
      await expectText(shared, 'Child in Need review');
      await expectText(shared, `Chair: ${CURRENT_USER}`);
      await expectText(shared, 'Step 1 of');
      await screenshot(page, '01-started');

      // The Playground does not run the card's refresh for the chair (it says "User specific view
      // is not supported"), so the chair opens their view with the fallback button.
      const opened = await chat.press(shared, OPEN_STEP);
      expect(opened.status).toBe(200);
      expect(opened.sent.value?.action?.verb).toBe('review.refresh');
      const { card: setUp, json: setUpJson } = await chairView(chat, opened);
      await expectText(setUp, 'Set-up');
      for (const label of ['Meeting type', 'Meeting date', 'Held', "Chair's role", 'First name only', 'Case reference']) {
        await expectText(setUp, label);
      }
      await screenshot(setUp, '02-set-up');

      // One answer the bot refuses: the card comes back with the message under that field and
      // every answer as typed.
      const typed = { ...SET_UP, 'children.0.caseReference': BAD_REFERENCE };
      await chat.fill(setUp, setUpJson, typed);
      const refused = await chat.press(setUp, 'Save and continue');
      expect(refused.status).toBe(200);
      // The Playground sent every input with the press, as Teams does.
      expect(refused.sent.value?.action?.data).toMatchObject({ ...typed, step: 'set-up' });
      const { card: again, json: refusedJson } = await chairView(chat, refused);
      const message = errorUnder(refusedJson, 'children.0.caseReference');
      expect(message).toEqual(expect.stringContaining('letters, digits'));
      await expectText(again, 'Some answers need attention.');
      await expectText(again, message!);
      await expectBeneath(again.getByText(message!, { exact: true }), chat.input(again, refusedJson, 'children.0.caseReference'));
      expect(await chat.shown(again, refusedJson, Object.keys(typed))).toEqual(typed);
      await screenshot(again, '03-set-up-invalid');

      // Corrected, the review moves on, and the chat's members (the Playground's mock roster) are
      // offered as attendees.
      await chat.fill(again, refusedJson, { 'children.0.caseReference': SET_UP['children.0.caseReference']! });
      const accepted = await chat.press(again, 'Save and continue');
      expect(accepted.status).toBe(200);
      expect(errorUnder(cardOf(accepted), 'children.0.caseReference')).toBeUndefined();
      expect(actionStep(cardOf(accepted))).toBe('introductions');
      const { card: introductions, json: introductionsJson } = await chairView(chat, accepted);
      await expectText(introductions, 'Introductions and apologies');
      await expectText(introductions, 'Step 2 of');
      // One short row a person: each member's name is in their row's Name box, as the Playground shows it.
      const nameIds = GROUP_MEMBERS.map((_, i) => `attendees.${i + 1}.name`);
      expect(Object.values(await chat.shown(introductions, introductionsJson, nameIds)).sort()).toEqual([...GROUP_MEMBERS].sort());
      expect(await introductions.getByText(message!, { exact: true }).count()).toBe(0);
      await screenshot(introductions, '04-introductions');

      expect(logged.filter((line) => JSON.parse(line).level === 'error')).toEqual([]);
    } catch (error) {
      const file = join(tmpdir(), `cin-playground-failure-${Date.now()}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      (error as Error).message += `\n\nScreenshot: ${file}\nBot log:\n${logged.join('\n')}\nPlayground:\n${playground!.output()}`;
      throw error;
    } finally {
      await page.close();
    }
  });
});

type Json = Record<string, any>;

/**
 * The chair's card after a press. When the press moves the review on, the bot also edits the
 * shared card; in Teams that edit makes the chair's client refresh to their view. The Playground
 * has no refresh, so when the edit lands after the bot's answer the chair sees the progress card
 * and opens their step again, as a chair there would.
 */
async function chairView(chat: PlaygroundChat, press: { card: Json | undefined; body: unknown }): Promise<{ card: Locator; json: Json }> {
  const card = chat.latestCard();
  await chat.settle(card);
  if ((await card.getByRole('button', { name: OPEN_STEP, exact: true }).count()) === 0) return { card, json: cardOf(press) };
  const reopened = await chat.press(card, OPEN_STEP);
  expect(reopened.status).toBe(200);
  await chat.settle(chat.latestCard());
  return { card: chat.latestCard(), json: cardOf(reopened) };
}

/** The step the card's "Save and continue" submits. */
function actionStep(card: Json): string | undefined {
  const continueAction = (card.actions as Json[] | undefined)?.find((a) => a.verb === 'review.continue');
  return continueAction?.data?.step;
}

function cardOf(press: { card: Json | undefined; body: unknown }): Json {
  if (!press.card) throw new Error(`The bot answered without a card: ${JSON.stringify(press.body).slice(0, 500)}`);
  return press.card;
}

/** Waits for the text to be shown in the card (the bot's answer replaces the card in place). */
async function expectText(card: Locator, text: string): Promise<void> {
  try {
    await card.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
  } catch {
    throw new Error(`The card does not show "${text}". It shows:\n${(await card.innerText().catch(() => '(no card)')).slice(0, 2000)}`);
  }
}

/** The message sits right under the field it is about: nothing else between, and aligned with it. */
async function expectBeneath(message: Locator, field: Locator): Promise<void> {
  const m = await message.boundingBox();
  const f = await field.boundingBox();
  if (!m || !f) throw new Error('The message or the field is not visible');
  const gap = m.y - (f.y + f.height);
  expect(gap).toBeGreaterThanOrEqual(-2);
  expect(gap).toBeLessThan(24);
  expect(Math.abs(m.x - f.x)).toBeLessThan(24);
}

/** With PLAYGROUND_SCREENSHOTS set: the page, or a card whole (the window grows to fit it). */
async function screenshot(target: Locator | Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if ('goto' in target) {
    await target.screenshot({ path });
    return;
  }
  const page = target.page();
  const size = page.viewportSize()!;
  const box = await target.boundingBox();
  if (box && box.height + 300 > size.height) await page.setViewportSize({ width: size.width, height: Math.ceil(box.height + 300) });
  await target.scrollIntoViewIfNeeded();
  await target.screenshot({ path });
  await page.setViewportSize(size);
}
