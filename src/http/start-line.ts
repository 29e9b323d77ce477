import { Config } from '../config/load-config';

/** Where a terminal can be written to; `isTTY` is true only when a person is watching it. */
export interface Terminal {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** One line for a person who just ran `npm start`: where it listens, in which mode, what to do next. */
export function startLine(config: Config, url: string): string {
  const mode = config.localMode
    ? 'local mode (no MicrosoftAppId: requests are not authenticated, so it listens on 127.0.0.1 only)'
    : `Bot Framework tokens required (app ${config.bot.appId})`;
  return `CIN Review bot: ${url}/api/messages, ${mode}, ${config.storage.kind === 'sqlite' ? `SQLite ${config.storage.file}` : 'PostgreSQL'}. Try it: npm run dev`;
}

/** Says `startLine` on the terminal when a person is there; logs and pipes get the JSON lines only. */
export function announceStart(terminal: Terminal, config: Config, url: string): void {
  if (terminal.isTTY === true) terminal.write(`${startLine(config, url)}\n`);
}
