/**
 * `npm run dev`: the bot exactly as `npm start` runs it, then the Microsoft 365 Agents Playground
 * (a local Teams-like chat, no tenant or tunnel needed) talking Teams to it.
 *
 *   npm run dev                        bot on 127.0.0.1:3978, Playground on http://localhost:56150
 *   PORT=3979 PLAYGROUND_PORT=56151 npm run dev
 *
 * The bot reads its environment as under `npm start` (PORT, SQLITE_FILE, LOG_LEVEL, ...). The
 * Playground's mock Teams context (who you are, the group chat and its members) is
 * .m365agentsplayground.yml; its log goes to .playground/. Ctrl-C stops both; if either one
 * exits, the other is stopped too.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..');
const PLAYGROUND_CONFIG = join(ROOT, '.m365agentsplayground.yml');
const PLAYGROUND_LOG_DIR = join(ROOT, '.playground');
const STOP_GRACE_MS = 10_000;

const children: Array<{ name: string; child: ChildProcess }> = [];
let stopping = false;

function say(line: string): void {
  process.stdout.write(`[dev] ${line}\n`);
}

/** Each child runs in its own process group, so Ctrl-C reaches only this script, which stops them once. */
function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
  }
  child.once('exit', (code, signal) => {
    if (stopping) return;
    say(`${name} exited (${signal ?? `code ${code}`}); stopping the rest.`);
    void stopAll(code ?? 1);
  });
  children.push({ name, child });
  return child;
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}

async function stopAll(exitCode: number): Promise<never> {
  stopping = true;
  await Promise.all(
    children.filter(({ child }) => alive(child)).map(
      ({ name, child }) =>
        new Promise<void>((resolve) => {
          const kill = setTimeout(() => {
            say(`${name} did not stop in ${STOP_GRACE_MS / 1000} s; killing it.`);
            signalGroup(child, 'SIGKILL');
          }, STOP_GRACE_MS);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          signalGroup(child, 'SIGTERM');
        }),
    ),
  );
  process.exit(exitCode);
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function waitUntil<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, child: ChildProcess): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(child)) throw new Error(`${what}: the process exited`);
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  let firstSignalAt = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (firstSignalAt === 0) {
        firstSignalAt = Date.now();
        say('stopping the Playground and the bot...');
        void stopAll(0);
      } else if (Date.now() - firstSignalAt > 1000) {
        // Ctrl-C again: no more waiting. (npm forwards the first Ctrl-C too, so that one arrives twice.)
        for (const { child } of children) if (alive(child)) signalGroup(child, 'SIGKILL');
        process.exit(130);
      }
    });
  }
  // Last resort (an exception here): never leave the bot or the Playground running.
  process.on('exit', () => {
    for (const { child } of children) if (alive(child)) signalGroup(child, 'SIGKILL');
  });

  const port = process.env.PORT ?? '3978';
  if (!/^[1-9]\d*$/.test(port)) throw new Error(`npm run dev needs a fixed PORT for the bot, not "${port}"`);
  const botUrl = `http://127.0.0.1:${port}`;
  if (await healthy(botUrl)) {
    throw new Error(`Something already answers on ${botUrl} (another \`npm start\`?). Stop it, or set PORT.`);
  }
  if (process.env.MicrosoftAppId) {
    say('MicrosoftAppId is set: the bot will require Bot Framework tokens, which the Playground does not send. Unset it for local testing.');
  }

  // As `npm start` (ts-node --transpile-only src/main.ts), with this script's environment.
  const bot = run('bot', ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], process.env);
  await waitUntil('The bot', 60_000, async () => ((await healthy(botUrl)) ? true : undefined), bot);

  mkdirSync(PLAYGROUND_LOG_DIR, { recursive: true });
  let printed = '';
  const playground = run(
    'playground',
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      'start',
      '-e', `${botUrl}/api/messages`,
      '-c', 'msteams',
      '--disable-telemetry',
      '-p', process.env.PLAYGROUND_PORT ?? '56150',
    ],
    {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(PLAYGROUND_LOG_DIR, 'm365agentsplayground.log'),
    },
  );
  playground.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
  // It takes another port when the one asked for is in use, and says which.
  const uiPort = await waitUntil('The Playground', 60_000, async () => /Listening on (\d+)/.exec(printed)?.[1], playground);

  process.stdout.write(
    [
      '',
      `  Bot:         ${botUrl}/api/messages`,
      `  Playground:  http://localhost:${uiPort}   <- open this in a browser`,
      '',
      '  1. Click the group chat "CIN review (dev)". You are Sam Chair; Jo, Alex, Riya, Pat and Kim are in it.',
      '  2. Type "@CIN", pick "CIN Review" from the list, then " start review", and send',
      '     (in a group chat the bot only hears messages that @mention it).',
      '  3. Press "Open the current step (chair only)": the Playground does not run the card\'s',
      '     refresh, so it never switches to the chair\'s view by itself. If a press leaves you on',
      '     the progress card, press it again.',
      '',
      '  Ctrl-C stops both.',
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  say((error as Error).message);
  if (!stopping) void stopAll(1);
});
