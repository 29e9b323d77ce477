import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');

/**
 * The bot's source transpiled once to JavaScript (as ts-node would, file by file), for a test that
 * starts the bot many times: each start then skips transpiling it again. It lives under
 * node_modules/.cache, inside the project, so the bot finds its shipped files and its packages as
 * from src/. Returns the entry point, relative to the project, for BotProcess.
 */
export function transpiledBot(): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(ROOT, 'src'));
  const sources = files.sort().map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const hash = createHash('sha256');
  for (const { file, text } of sources) hash.update(file).update(text);
  const out = join(ROOT, 'node_modules', '.cache', `cin-bot-${hash.digest('hex').slice(0, 16)}`);
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, isolatedModules: true };
  for (const { file, text } of sources) {
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, ts.transpileModule(text, { compilerOptions: options, fileName: file }).outputText);
  }
  return relative(ROOT, join(out, 'src', 'main.js'));
}

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
