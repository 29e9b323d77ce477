import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The bot as `npm start` runs it, in its own process, so a test can kill it outright. */
export class BotProcess {
  private child?: ChildProcess;
  output = '';

  constructor(
    private readonly env: Record<string, string>,
    /** The entry point, relative to the project: the bot's own by default. */
    private readonly script = 'src/main.ts',
    /** Extra options for node itself (e.g. --cpu-prof, to profile a bench run). */
    private readonly nodeOptions: readonly string[] = [],
  ) {}

  async start(port: number): Promise<string> {
    this.child = spawn(process.execPath, [...this.nodeOptions, '-r', 'ts-node/register/transpile-only', this.script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`The bot exited: ${this.output}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) return url;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`The bot did not start: ${this.output}`);
  }

  /** Exit status of a process expected to refuse to start. */
  async exitCode(): Promise<number | null> {
    this.child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    return new Promise((resolve) => this.child!.once('exit', (code) => resolve(code)));
  }

  /** SIGKILL by default: no shutdown hooks, no flushing; whatever was committed must survive. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
