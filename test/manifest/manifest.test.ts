import AdmZip from 'adm-zip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/draw-icons';
import {
  APP_ID_PLACEHOLDER,
  MANIFEST_DIR,
  schemaPathFor,
  schemaUrlFor,
  substituteAppId,
  validateManifest,
} from '../../scripts/manifest-schema';
import { main, packageApp } from '../../scripts/package-app';
import { decodeRgba, readPngHeader } from './png';
import { CHAT_COMMANDS } from '../../src/use-cases/chat-command';

const APP_ID = '6f1c3a52-8f0e-4b7e-9a4e-2d3c5b1e7a90';
const manifestText = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');

interface Command {
  title: string;
  description?: string;
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: Command[] }[] }[];
  [key: string]: unknown;
}

/** A fresh copy of the manifest with a real GUID in place of the placeholder. */
function manifestWithId(appId = APP_ID): Manifest {
  return JSON.parse(substituteAppId(manifestText, appId)) as Manifest;
}

describe('manifest/manifest.json', () => {
  it('is valid against the official Teams schema for its manifestVersion (offline)', () => {
    expect(validateManifest(manifestWithId())).toEqual([]);
  });

  it('points $schema at the official https URL of a schema version shipped in node_modules', () => {
    const manifest = manifestWithId();
    expect(manifest.$schema).toBe(schemaUrlFor(manifest.manifestVersion));
    expect(() => schemaPathFor(manifest.manifestVersion)).not.toThrow();
  });

  it('uses the app id placeholder for both the app id and the bot id', () => {
    const raw = JSON.parse(manifestText) as Manifest;
    expect(raw.id).toBe(APP_ID_PLACEHOLDER);
    expect(raw.bots[0]?.botId).toBe(APP_ID_PLACEHOLDER);
  });

  it('declares one conversational bot for personal, group chat (incl. meeting chats) and team scopes', () => {
    const { bots } = manifestWithId();
    expect(bots).toHaveLength(1);
    const bot = bots[0]!;
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot['isNotificationOnly' as keyof typeof bot]).toBe(false);
  });

  it("supports files: the chair's case file comes through Teams' file consent flow, which needs it", () => {
    const bot = manifestWithId().bots[0]!;
    expect(bot['supportsFiles' as keyof typeof bot]).toBe(true);
  });

  it('lists exactly the commands the bot answers, in every scope the bot supports', () => {
    const bot = manifestWithId().bots[0]!;
    // The bot's own command list is the source of truth: the manifest may not drift from it.
    const expected = CHAT_COMMANDS.map((c) => c.name).sort();
    expect(expected).toEqual(['book review', 'bookings', 'cancel', 'due', 'help', 'minutes', 'resume', 'start review', 'status']);
    const covered = new Set<string>();
    for (const list of bot.commandLists) {
      expect(list.commands.map((c) => c.title).sort()).toEqual(expected);
      for (const command of list.commands) expect(command.description?.length).toBeGreaterThan(0);
      list.scopes.forEach((scope) => covered.add(scope));
    }
    expect([...covered].sort()).toEqual([...bot.scopes].sort());
    const cancel = bot.commandLists[0]!.commands.find((c) => c.title === 'cancel');
    expect(cancel?.description).toMatch(/confirm/i);
  });
});

describe('manifest schema validation', () => {
  // Each broken manifest must fail for the expected reason (the error names the field).
  const broken: [string, (m: Manifest) => void, RegExp][] = [
    ['the app id is still the placeholder', (m) => (m.id = APP_ID_PLACEHOLDER), /^\/id .*pattern/],
    ['a bot scope is not a Teams scope', (m) => (m.bots[0]!.scopes = ['personal', 'meeting']), /^\/bots\/0\/scopes\/1 /],
    [
      'developer.privacyUrl is missing',
      (m) => delete (m['developer'] as Record<string, unknown>)['privacyUrl'],
      /^\/developer .*privacyUrl/,
    ],
    [
      'a command has no title',
      (m) => delete (m.bots[0]!.commandLists[0]!.commands[0] as Partial<Command>).title,
      /^\/bots\/0\/commandLists\/0\/commands\/0 .*title/,
    ],
    [
      'the short name is longer than 30 characters',
      (m) => ((m['name'] as { short: string }).short = 'x'.repeat(31)),
      /^\/name\/short .*30/,
    ],
    ['there is an unknown top-level property', (m) => (m['botz'] = []), /additional properties.*botz/],
    ['manifestVersion has no schema', (m) => (m.manifestVersion = '0.9'), /No Teams manifest schema for manifestVersion 0\.9/],
  ];

  it.each(broken)('rejects a manifest where %s', (_why, breakIt, reason) => {
    const manifest = manifestWithId();
    breakIt(manifest);
    const errors = validateManifest(manifest);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => reason.test(e))).toBe(true);
  });
});

describe('icons', () => {
  const color = readFileSync(join(MANIFEST_DIR, 'color.png'));
  const outline = readFileSync(join(MANIFEST_DIR, 'outline.png'));

  it('are the sizes Teams requires (IHDR): colour 192x192, outline 32x32', () => {
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32 });
  });

  it('colour icon is fully opaque', () => {
    const { pixels } = decodeRgba(color);
    const notOpaque = pixels.filter((value, i) => i % 4 === 3 && value !== 255).length;
    expect(notOpaque).toBe(0);
  });

  it('outline icon is white on a transparent background only', () => {
    const { pixels } = decodeRgba(outline);
    let transparent = 0;
    let opaque = 0;
    let notWhite = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3]!;
      if (alpha === 0) transparent++;
      else if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) notWhite++;
      if (alpha === 255) opaque++;
    }
    expect(notWhite).toBe(0);
    expect(transparent).toBeGreaterThan(0);
    expect(opaque).toBeGreaterThan(0);
  });

  it('are what scripts/draw-icons.ts draws (the committed PNGs are up to date)', () => {
    // Compared as pixels, not bytes: zlib output may differ between Node versions.
    const samePixels = (a: Buffer, b: Buffer): boolean => Buffer.from(decodeRgba(a).pixels).equals(Buffer.from(decodeRgba(b).pixels));
    expect(samePixels(color, drawColorIcon())).toBe(true);
    expect(samePixels(outline, drawOutlineIcon())).toBe(true);
  });
});

describe('scripts/package-app.ts', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'cin-app-package-'));
  });
  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('builds appPackage.zip with exactly manifest.json and the two icons, id substituted', () => {
    const zipPath = packageApp({ appId: APP_ID, outDir });
    expect(zipPath).toBe(join(outDir, 'appPackage.zip'));

    const zip = new AdmZip(zipPath);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const packagedText = zip.readAsText('manifest.json');
    expect(packagedText).not.toContain('${{');
    const packaged = JSON.parse(packagedText) as Manifest;
    expect(packaged.id).toBe(APP_ID);
    expect(packaged.bots[0]?.botId).toBe(APP_ID);
    expect(validateManifest(packaged)).toEqual([]);

    expect(zip.readFile('color.png')).toEqual(readFileSync(join(MANIFEST_DIR, 'color.png')));
    expect(zip.readFile('outline.png')).toEqual(readFileSync(join(MANIFEST_DIR, 'outline.png')));
  });

  it('refuses an app id that is not a GUID', () => {
    expect(() => packageApp({ appId: 'not-a-guid', outDir })).toThrow(/not a GUID/);
    expect(() => packageApp({ appId: `${APP_ID}x`, outDir })).toThrow(/not a GUID/);
  });

  it('CLI takes --app-id, else MICROSOFT_APP_ID, and fails clearly with neither', () => {
    const errors: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message));
    jest.spyOn(console, 'log').mockImplementation(() => undefined);

    expect(main(['--app-id', APP_ID, '--out', outDir], {})).toBe(0);
    expect(main([`--out=${outDir}`], { MICROSOFT_APP_ID: APP_ID })).toBe(0);
    expect(new AdmZip(join(outDir, 'appPackage.zip')).readAsText('manifest.json')).toContain(APP_ID);

    expect(main(['--out', outDir], {})).toBe(1);
    expect(errors.pop()).toMatch(/--app-id.*MICROSOFT_APP_ID/);
    expect(main(['--app-id', 'abc', '--out', outDir], { MICROSOFT_APP_ID: APP_ID })).toBe(1);
    expect(errors.pop()).toMatch(/"abc" is not a GUID/);
  });
});
