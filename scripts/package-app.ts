/**
 * Builds the Teams app package: a zip holding manifest.json (with the app id substituted),
 * color.png and outline.png at its root, ready for "Upload a custom app" or the Teams admin centre.
 *
 *   ts-node --transpile-only scripts/package-app.ts --app-id <GUID> [--out <dir>]
 *   MICROSOFT_APP_ID=<GUID> ts-node --transpile-only scripts/package-app.ts
 *
 * The app id comes from --app-id, or else the MICROSOFT_APP_ID environment variable; it is
 * used both as the Teams app id and as the bot id. The manifest is validated against the
 * official schema before anything is written. Output: build/appPackage.zip by default.
 */
import AdmZip from 'adm-zip';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GUID_PATTERN, MANIFEST_DIR, substituteAppId, validateManifest } from './manifest-schema';

export const DEFAULT_OUT_DIR = join(__dirname, '..', 'build');
export const PACKAGE_FILE_NAME = 'appPackage.zip';

export interface PackageAppOptions {
  /** Entra (Azure AD) app id of the bot registration, a GUID. */
  appId: string;
  /** Where to write appPackage.zip. Default: build/ */
  outDir?: string;
  /** Where manifest.json and the icons live. Default: manifest/ */
  manifestDir?: string;
}

export class PackageError extends Error {}

/** Builds the package and returns the path of the zip written. Throws PackageError on bad input. */
export function packageApp(options: PackageAppOptions): string {
  const appId = options.appId.trim();
  if (!GUID_PATTERN.test(appId)) {
    throw new PackageError(`The app id "${options.appId}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`);
  }
  const manifestDir = options.manifestDir ?? MANIFEST_DIR;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;

  const manifestText = substituteAppId(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'), appId);
  const leftover = /\$\{\{[^}]*\}\}/.exec(manifestText);
  if (leftover) throw new PackageError(`manifest.json still contains the placeholder ${leftover[0]} after substitution.`);
  const manifest = JSON.parse(manifestText) as { icons?: { color?: string; outline?: string } };
  const problems = validateManifest(manifest);
  if (problems.length > 0) {
    throw new PackageError(`manifest.json does not match the Teams manifest schema:\n  ${problems.join('\n  ')}`);
  }

  const icons = [manifest.icons?.color, manifest.icons?.outline];
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(manifestText, 'utf8'));
  for (const icon of icons) {
    if (!icon) throw new PackageError('manifest.json must name both icons.color and icons.outline.');
    zip.addFile(icon, readFileSync(join(manifestDir, icon)));
  }

  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, PACKAGE_FILE_NAME);
  zip.writeZip(zipPath);
  return zipPath;
}

/** `--name value` or `--name=value`. */
function argument(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function main(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const appId = argument(argv, 'app-id') ?? env['MICROSOFT_APP_ID'];
  if (!appId) {
    console.error('No app id: pass --app-id <GUID> or set the MICROSOFT_APP_ID environment variable.');
    return 1;
  }
  const out = argument(argv, 'out');
  try {
    const zipPath = packageApp({ appId, outDir: out ? resolve(out) : undefined });
    console.log(`Wrote ${zipPath}`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), process.env);
}
