import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Locator, Page, Response, chromium } from 'playwright-core';

/**
 * Drives the Microsoft 365 Agents Playground (the `agentsplayground` CLI and its web UI) with
 * Chromium, the way a developer clicks through it: what is asserted is what the Playground renders.
 */

type Json = Record<string, any>;

const ROOT = join(__dirname, '..', '..');

/** The mock Teams context `npm run dev` uses too; the names below are the ones it sets. */
export const PLAYGROUND_CONFIG = join(ROOT, '.m365agentsplayground.yml');
export const GROUP_CHAT_NAME = 'CIN review (dev)';
export const BOT_NAME = 'CIN Review';
export const CURRENT_USER = 'Sam Chair';
export const GROUP_MEMBERS = ['Jo Parent', 'Alex Teacher', 'Riya Nurse', 'Pat Officer', 'Kim Worker'];

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RunningPlayground {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * The Playground CLI pointed at the bot, speaking Teams. It falls back to a random port when the
 * one asked for is taken, so the port is read from what it prints.
 */
export async function startPlayground(options: { botUrl: string; port: number; directory: string }): Promise<RunningPlayground> {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [cli, 'start', '-e', `${options.botUrl}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(options.port)];
  const child = spawn(process.execPath, args, {
    // Its log file and anything else it writes stay in the test's directory.
    cwd: options.directory,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(options.directory, 'm365agentsplayground.log'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const stop = () => stopProcess(child);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The Playground did not start in 30 s:\n${output}`)), 30_000);
      const onData = () => {
        const m = /Listening on (\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The Playground exited (${code}):\n${output}`));
      });
    });
    return { url: `http://127.0.0.1:${port}/`, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM, then SIGKILL if it has not gone in 10 s; resolves once the process has exited. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** What the Playground sent for a card press, and what the bot answered. */
export interface Press {
  readonly sent: Json;
  readonly status: number;
  /** The card the bot answered with, when it answered with one. */
  readonly card: Json | undefined;
  readonly body: unknown;
}

/** The Playground's chat pane, as a person uses it. */
export class PlaygroundChat {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('treeitem', { name: GROUP_CHAT_NAME }).click();
  }

  /** In a group chat the bot hears only what @mentions it, as in Teams: pick it from the mention menu. */
  async say(text: string): Promise<void> {
    const box = this.page.getByRole('textbox').first();
    await box.click();
    await box.pressSequentially(`@${BOT_NAME.slice(0, 3)}`);
    await this.page.getByRole('menuitem', { name: BOT_NAME }).click();
    await box.pressSequentially(` ${text}`);
    await this.page.getByRole('button', { name: 'Send Message' }).click();
  }

  /** The newest top-level card in the chat (not a card inside an Action.ShowCard). */
  latestCard(): Locator {
    return this.page.locator('.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)').last();
  }

  /**
   * Waits until the card stops changing. The bot's answer to a press (HTTP) and its edit of the
   * shared card (pushed over the Playground's WebSocket) land on the same message in either order.
   */
  async settle(card: Locator, quietMs = 750, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = await card.innerText().catch(() => '');
    let since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() > deadline) throw new Error(`The card kept changing for ${timeoutMs} ms`);
      await this.page.waitForTimeout(100);
      const now = await card.innerText().catch(() => '');
      if (now !== last) {
        last = now;
        since = Date.now();
      }
    }
  }

  /** Presses a button on a card and waits for the bot's answer to the `adaptiveCard/action` invoke. */
  async press(card: Locator, title: string): Promise<Press> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r: Response) => r.url().endsWith('/_conversation/v1/invoke') && r.request().method() === 'POST'),
      card.getByRole('button', { name: title, exact: true }).click(),
    ]);
    const sent = (response.request().postDataJSON() ?? {}) as Json;
    const body = (await response.json().catch(() => undefined)) as Json | undefined;
    const card2 = body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as Json) : undefined;
    return { sent, status: response.status(), card: card2, body };
  }

  /** Types each answer into the input the card JSON gives that id, as a person would. */
  async fill(card: Locator, cardJson: Json, answers: Record<string, string>): Promise<void> {
    for (const [id, value] of Object.entries(answers)) {
      const input = inputNamed(cardJson, id);
      const target = locate(card, input);
      switch (input.kind) {
        case 'choice': {
          const title = choiceTitle(input, value);
          await target.click();
          await this.page.getByRole('option', { name: title, exact: true }).click();
          break;
        }
        case 'date':
          // Typed as the picker shows dates, so it is read in the browser's own time zone.
          await target.fill(displayedDate(value));
          await target.press('Tab');
          break;
        case 'time':
          // The time picker takes no typing: it offers every half hour.
          await target.click();
          await this.page.getByRole('option', { name: displayedTime(value), exact: true }).click();
          break;
        case 'toggle':
          await target.setChecked(value === 'true');
          break;
        default:
          await target.fill(value);
      }
    }
  }

  /** What each input shows now, in the terms `fill` took: choice values and ISO dates. */
  async shown(card: Locator, cardJson: Json, ids: readonly string[]): Promise<Record<string, string>> {
    const shown: Record<string, string> = {};
    for (const id of ids) {
      const input = inputNamed(cardJson, id);
      const target = locate(card, input);
      if (input.kind === 'toggle') {
        shown[id] = String(await target.isChecked());
        continue;
      }
      const text = await target.inputValue();
      shown[id] =
        input.kind === 'choice'
          ? (input.choices.find((c) => c.title === text)?.value ?? text)
          : input.kind === 'date'
            ? isoDate(text)
            : input.kind === 'time'
              ? isoTime(text)
              : text;
    }
    return shown;
  }

  /** The input with this id, located in the rendered card. */
  input(card: Locator, cardJson: Json, id: string): Locator {
    return locate(card, inputNamed(cardJson, id));
  }
}

interface CardInput {
  readonly id: string;
  readonly kind: 'text' | 'date' | 'time' | 'choice' | 'toggle';
  /** The accessible name the renderer gives it: its label (a toggle's title). */
  readonly name: string;
  readonly role: 'textbox' | 'combobox' | 'checkbox';
  /** How many inputs with the same role and name come before it in the card. */
  readonly nth: number;
  readonly choices: ReadonlyArray<{ title: string; value: string }>;
}

/** The inputs of a card's body, in the order the renderer lays them out. */
export function inputsOf(cardJson: Json): CardInput[] {
  const inputs: CardInput[] = [];
  const seen = new Map<string, number>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Json;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') {
      const kind = KINDS[n.type];
      if (!kind) throw new Error(`The harness cannot fill ${n.type} (${n.id})`);
      const name = String((kind === 'toggle' ? n.title : n.label) ?? '');
      const role = kind === 'toggle' ? 'checkbox' : kind === 'text' ? 'textbox' : 'combobox';
      const key = `${role}|${name}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      inputs.push({ id: n.id, kind, name, role, nth, choices: Array.isArray(n.choices) ? n.choices : [] });
    }
    for (const [key, value] of Object.entries(n)) {
      // Inputs inside an Action.ShowCard are not on the card until it is opened.
      if (key !== 'actions' && key !== 'selectAction') visit(value);
    }
  };
  visit(cardJson.body);
  return inputs;
}

const KINDS: Record<string, CardInput['kind'] | undefined> = {
  'Input.Text': 'text',
  'Input.Date': 'date',
  'Input.Time': 'time',
  'Input.ChoiceSet': 'choice',
  'Input.Toggle': 'toggle',
};

function inputNamed(cardJson: Json, id: string): CardInput {
  const input = inputsOf(cardJson).find((i) => i.id === id);
  if (!input) throw new Error(`The card has no input ${id}; it has: ${inputsOf(cardJson).map((i) => i.id).join(', ')}`);
  return input;
}

function locate(card: Locator, input: CardInput): Locator {
  return card.getByRole(input.role, { name: input.name, exact: true }).nth(input.nth);
}

function choiceTitle(input: CardInput, value: string): string {
  const choice = input.choices.find((c) => c.value === value);
  if (!choice) throw new Error(`${input.id} offers no ${value}: ${input.choices.map((c) => c.value).join(', ')}`);
  return choice.title;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-11-24 as the Playground's date picker shows it (en-US): November 24, 2026. */
export function displayedDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

function isoDate(shown: string): string {
  const m = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})$/.exec(shown);
  if (!m) return shown;
  const month = MONTHS.indexOf(m[1]!) + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/** 14:30 as the Playground's time picker shows it: 2:30 PM. */
export function displayedTime(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`Not a time: ${hhmm}`);
  const h = Number(m[1]);
  return `${h % 12 === 0 ? 12 : h % 12}:${m[2]} ${h < 12 ? 'AM' : 'PM'}`;
}

function isoTime(shown: string): string {
  const m = /^(\d{1,2}):(\d{2}) (AM|PM)$/.exec(shown);
  if (!m) return shown;
  const h = (Number(m[1]) % 12) + (m[3] === 'PM' ? 12 : 0);
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** The error the bot put under an input: the Attention text block right after it in its container. */
export function errorUnder(cardJson: Json, id: string): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        if (n && typeof n === 'object' && (n as Json).id === id) {
          const next = node[i + 1] as Json | undefined;
          if (next?.type === 'TextBlock' && next.color === 'Attention') found = String(next.text);
        }
        visit(n);
      });
      return;
    }
    if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(cardJson.body);
  return found;
}
