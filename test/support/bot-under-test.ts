import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/logging/logger';
import { RunningBot, startBot } from '../../src/main';
import { actionData, inputsOf } from './card-reader';
import { LocalConnector } from './local-connector';
import { TeamsUser, cardActionActivity, messageActivity } from './teams-activity';

export interface InvokeReply {
  readonly status: number;
  readonly body: any;
  readonly card: Record<string, any> | undefined;
}

/** The real bot on a free port with a fresh SQLite file, talking to a local connector. */
export class BotUnderTest {
  readonly connector = new LocalConnector();
  bot?: RunningBot;
  readonly directory = mkdtempSync(join(tmpdir(), 'cin-bot-'));
  conversationId = `19:meeting_${Math.random().toString(36).slice(2)}@thread.v2`;

  get sqliteFile(): string {
    return join(this.directory, 'reviews.sqlite');
  }

  /** Where the bot writes its emails (never the project's ./data/mail). */
  get mailDir(): string {
    return join(this.directory, 'mail');
  }

  /** The date the bot believes it is, in Europe/London; tests move it to check timescales. */
  today = '2026-11-24';

  async start(env: Record<string, string> = {}): Promise<this> {
    await this.connector.start();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SQLITE_FILE: this.sqliteFile, MAIL_DIR: this.mailDir, ...env });
    this.bot = await startBot(config, silentLogger, () => ({ now: `${this.today}T10:00:00.000Z`, today: this.today }));
    return this;
  }

  /**
   * Waits until the outbox has nothing pending now: every effect of what was pressed so far is done
   * (or given up). One held back for days (a check before a deadline) is not waited for.
   */
  async effectsSettled(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    const pendingSoon = async () => {
      const due = await this.bot!.storage.outbox.nextDue();
      return due !== undefined && Date.parse(due) < Date.now() + 60 * 60_000;
    };
    while (await pendingSoon()) {
      if (Date.now() > until) throw new Error('effects still pending after ' + timeoutMs + ' ms');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    await this.bot?.stop();
    await this.connector.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }

  where(overrides: Partial<{ conversationId: string; tenantId: string; serviceUrl: string }> = {}) {
    return { serviceUrl: this.connector.url, conversationId: this.conversationId, ...overrides };
  }

  async post(activity: unknown, url = this.bot!.url): Promise<{ status: number; body: any }> {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body };
  }

  async say(user: TeamsUser, text: string): Promise<number> {
    return (await this.post(messageActivity(this.where(), user, text))).status;
  }

  async press(user: TeamsUser, verb: string, data: Record<string, unknown>, activity?: Record<string, any>): Promise<InvokeReply> {
    const sent = activity ?? cardActionActivity(this.where(), user, verb, data);
    const { status, body } = await this.post(sent);
    return { status, body, card: body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined };
  }

  /** Press a button on a card as Teams does: the action's data with every input's current value merged in. */
  async pressOn(user: TeamsUser, card: Record<string, any>, verb: string, typed: Record<string, string> = {}, step?: string): Promise<InvokeReply> {
    return this.press(user, verb, { ...inputsOf(card), ...typed, ...actionData(card, verb, step) });
  }
}
