import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config/load-config';

/** `.env.example` as the shell would read it: NAME=value lines, each after a comment saying what it means. */
function readExample(): { values: Record<string, string>; meanings: Record<string, string> } {
  const lines = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8').split('\n');
  const values: Record<string, string> = {};
  const meanings: Record<string, string> = {};
  lines.forEach((line, i) => {
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!assignment) return;
    values[assignment[1]!] = assignment[2]!;
    meanings[assignment[1]!] = lines[i - 1]?.startsWith('# ') ? lines[i - 1]!.slice(2) : '';
  });
  return { values, meanings };
}

describe('.env.example', () => {
  const { values, meanings } = readExample();

  it('names every variable the configuration reads, and no other', () => {
    expect(Object.keys(values).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('gives each its default: loading the file as it is configures the bot exactly as an empty environment does', () => {
    expect(loadConfig(values)).toEqual(loadConfig({}));
  });

  it('says in one line what each one means', () => {
    for (const name of CONFIG_VARIABLES) expect(meanings[name]!.length).toBeGreaterThan(10);
  });

  it('agrees with the README table', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const name of CONFIG_VARIABLES) expect(readme).toContain(`| \`${name}\` |`);
  });
});
