/**
 * Offline validation of a Teams app manifest against the official JSON schema that
 * @microsoft/app-manifest ships (node_modules/@microsoft/app-manifest/build/json-schemas/teams/vX.Y/).
 *
 * Those schemas are JSON Schema draft-04, so they need ajv-draft-04 (the same class, options
 * and formats @microsoft/app-manifest itself uses); ajv's default class is draft-07 and does not
 * understand draft-04.
 */
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const MANIFEST_DIR = join(__dirname, '..', 'manifest');
/** The placeholder in manifest/manifest.json for the Entra app id (also the bot id). */
export const APP_ID_PLACEHOLDER = '${{MICROSOFT_APP_ID}}';
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Folder holding the Teams manifest schemas shipped by @microsoft/app-manifest. */
export function teamsSchemaRoot(): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return join(dirname(packageJson), 'build', 'json-schemas', 'teams');
}

export function schemaPathFor(manifestVersion: string): string {
  const path = join(teamsSchemaRoot(), `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(path)) throw new Error(`No Teams manifest schema for manifestVersion ${manifestVersion} at ${path}`);
  return path;
}

/** The official https URL of a manifest schema version, as it belongs in "$schema". */
export function schemaUrlFor(manifestVersion: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(manifestVersion: string): ValidateFunction {
  const cached = validators.get(manifestVersion);
  if (cached) return cached;
  // Same replacement @microsoft/app-manifest applies to downloaded schemas (a "\a" regex escape
  // in some versions is not valid in JavaScript).
  const text = readFileSync(schemaPathFor(manifestVersion), 'utf8').replace(/\\a/g, '\\x07');
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(text) as object);
  validators.set(manifestVersion, validate);
  return validate;
}

/**
 * Validates a manifest object against the official schema for its own manifestVersion.
 * Returns readable errors; empty means valid.
 */
export function validateManifest(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return ['manifest must be a JSON object'];
  }
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ['manifest has no string "manifestVersion"'];
  let validate: ValidateFunction;
  try {
    validate = validatorFor(version);
  } catch (error) {
    return [(error as Error).message];
  }
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '(root)'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}

/** Manifest text with the app id placeholder replaced. */
export function substituteAppId(manifestText: string, appId: string): string {
  return manifestText.split(APP_ID_PLACEHOLDER).join(appId);
}
