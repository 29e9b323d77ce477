/**
 * Test helper: checks a *rendered* Adaptive Card (template already expanded) against what
 * Microsoft Teams supports for bot cards: Adaptive Cards 1.5 with Universal Actions.
 *
 *   validateAdaptiveCard(card) -> string[]   (empty array = valid)
 *
 * Four independent layers, each message prefixed with where it came from:
 *   [schema]   the official Adaptive Card 1.5 JSON schema (vendored, see
 *              test/fixtures/adaptive-card-schema/README.md) run through ajv;
 *   [renderer] the official JS renderer (adaptivecards 3.x) parsing the card at version 1.5:
 *              every parse event (unknown element/action types, invalid enum values,
 *              properties newer than 1.5, ...) plus its own validateProperties() results
 *              (inputs without an id, duplicate ids, Action.OpenUrl without url, ...);
 *   [teams]    our policy: top-level type/version, no element/action newer than 1.5, and only
 *              Action.Execute / Action.OpenUrl / Action.ShowCard / Action.ToggleVisibility
 *              (Universal Actions — Action.Submit is not allowed);
 *   [size]     serialised card larger than maxBytes (default 40 KB).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The package's ESM entry does not load under plain Node; the UMD bundle does.
const AC: typeof import('adaptivecards') = require('adaptivecards/dist/adaptivecards.js');

export const TEAMS_CARD_VERSION = '1.5';
/** 40 KB; measured as UTF-8 bytes of the compact JSON. */
export const DEFAULT_MAX_CARD_BYTES = 40 * 1024;
export const ALLOWED_ACTION_TYPES: readonly string[] = [
  'Action.Execute',
  'Action.OpenUrl',
  'Action.ShowCard',
  'Action.ToggleVisibility',
];

export const SCHEMA_PATH = join(__dirname, '..', '..', 'fixtures', 'adaptive-card-schema', 'adaptive-card-1.5.json');

export interface ValidateCardOptions {
  /** Size limit in bytes (UTF-8 of JSON.stringify(card)). Default 40 KB. */
  maxBytes?: number;
  /**
   * Also report string values still containing `${` (an unexpanded template expression).
   * Off by default: user-entered text bound as data may legitimately contain `${`.
   */
  rejectTemplateExpressions?: boolean;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/* ------------------------------------------------------------------------------------------ */
/* Schema layer                                                                                */
/* ------------------------------------------------------------------------------------------ */

/**
 * Loads the vendored schema and adapts it, in memory only, for precise ajv errors:
 *
 * 1. `ImplementationsOf.*` are `anyOf` lists with one branch per type. With `anyOf`, ajv reports
 *    the failures of *every* branch (a TextBlock error drowns in 20 "must be Input.Text" errors).
 *    For objects they become a discriminated dispatch on `type` (if/then per type) with the
 *    same meaning: the object must have a `type` from the list and satisfy that type's schema.
 *    Non-objects keep the original `anyOf` (a TextRun may be a plain string).
 * 2. `if/then` is draft-07, so `$schema` becomes draft-07 (a superset of draft-06 for every
 *    keyword used here); the draft-04-style root `id` becomes `$id`.
 * 3. Fixes a known bug in the published 1.5 schema: Container and TableCell declare `"rtl?"`
 *    instead of `"rtl"`, so a valid `"rtl": true` would be rejected.
 * 4. Allows the Teams-specific `msteams` object on the card root (full-width cards, mention
 *    entities), which the generic schema forbids via additionalProperties:false.
 * 5. Enum-like definitions are `anyOf: [{enum}, {pattern}]` (the pattern allows other casings);
 *    a `pattern` without `type` accepts every non-string, so `"weight": 5` or
 *    `"fallback": {"type": "Bogus"}` passed. The pattern branch gets `type: "string"`.
 */
export function loadAdaptedSchema(): JsonObject {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as JsonObject;
  const definitions = schema['definitions'] as { [name: string]: JsonObject };

  schema['$schema'] = 'http://json-schema.org/draft-07/schema#';
  delete schema['id'];
  schema['$id'] = 'http://adaptivecards.io/schemas/1.5.0/adaptive-card.json';

  for (const [name, definition] of Object.entries(definitions)) {
    if (!name.startsWith('ImplementationsOf.')) continue;
    const branches = definition['anyOf'] as JsonObject[];
    const targets = branches.map((branch) => {
      const ref = ((branch['allOf'] as JsonObject[])[0] as JsonObject)['$ref'] as string;
      return ref.replace('#/definitions/', '');
    });
    definitions[name] = {
      if: { type: 'object' },
      then: {
        required: ['type'],
        properties: { type: { enum: targets } },
        allOf: targets.map((target) => ({
          if: { required: ['type'], properties: { type: { const: target } } },
          then: { $ref: `#/definitions/${target}` },
        })),
      },
      else: { anyOf: branches },
    };
  }

  for (const name of ['Container', 'TableCell']) {
    const properties = definitions[name]?.['properties'] as JsonObject | undefined;
    if (properties && 'rtl?' in properties && !('rtl' in properties)) {
      properties['rtl'] = properties['rtl?'] as Json;
      delete properties['rtl?'];
    }
  }

  for (const definition of Object.values(definitions)) {
    const branches = definition['anyOf'];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      if (isObject(branch) && 'pattern' in branch && !('type' in branch)) branch['type'] = 'string';
    }
  }

  const cardProperties = definitions['AdaptiveCard']?.['properties'] as JsonObject;
  cardProperties['msteams'] = { type: 'object', description: 'Teams-specific extensions (width, entities).' };

  return schema;
}

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv({
    allErrors: true,
    strictTypes: false, // the schema uses `properties` without `type: object` throughout
    strictRequired: false,
    strictTuples: false,
  });
  addFormats(ajv);
  // Annotation-only keywords used by the Adaptive Cards schema.
  ajv.addVocabulary(['version', 'features', 'example']);
  compiled = ajv.compile(loadAdaptedSchema());
  return compiled;
}

function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

function describeSchemaError(error: ErrorObject, card: unknown): string | undefined {
  const where = error.instancePath === '' ? '(card)' : error.instancePath;
  switch (error.keyword) {
    case 'if': // the failing `then` branch reports the real error
      return undefined;
    case 'enum':
      if (error.instancePath.endsWith('/type')) {
        const value = valueAt(card, error.instancePath);
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
        const parent = error.instancePath.slice(0, -'/type'.length) || '(card)';
        return `[schema] ${parent}: unknown type ${JSON.stringify(value)} (allowed here: ${allowed.join(', ')})`;
      }
      return `[schema] ${where}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')} (got ${JSON.stringify(valueAt(card, error.instancePath))})`;
    case 'additionalProperties':
      return `[schema] ${where}: unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `[schema] ${where}: missing required property "${(error.params as { missingProperty: string }).missingProperty}"`;
    default:
      return `[schema] ${where}: ${error.message ?? error.keyword}`;
  }
}

export function schemaErrors(card: unknown): string[] {
  const validate = schemaValidator();
  if (validate(card)) return [];
  const all = validate.errors ?? [];
  // Enum-like values are `anyOf: [enum, pattern, null]`: when the enum failed at a place, its
  // sibling pattern/type failures there say nothing more.
  const enumPaths = new Set(all.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const errors = all.filter(
    (error) => !(enumPaths.has(error.instancePath) && (error.keyword === 'pattern' || error.keyword === 'type')),
  );
  const isSummary = (error: ErrorObject): boolean => error.keyword === 'anyOf';
  const messages = errors
    // An `anyOf` summary ("must match a schema in anyOf") only helps when nothing more precise
    // was reported at or below the same place.
    .filter(
      (error) =>
        !isSummary(error) ||
        !errors.some(
          (other) =>
            !isSummary(other) &&
            other.keyword !== 'if' &&
            (other.instancePath === error.instancePath || other.instancePath.startsWith(`${error.instancePath}/`)),
        ),
    )
    .map((error) => describeSchemaError(error, card))
    .filter((message): message is string => message !== undefined);
  return [...new Set(messages)];
}

/* ------------------------------------------------------------------------------------------ */
/* Renderer layer                                                                              */
/* ------------------------------------------------------------------------------------------ */

export function rendererErrors(card: JsonObject): string[] {
  const messages: string[] = [];
  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  try {
    adaptiveCard.parse(card, context);
  } catch (error) {
    return [`[renderer] parse threw: ${(error as Error).message}`];
  }
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    messages.push(`[renderer] ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of adaptiveCard.validateProperties().validationEvents) {
    messages.push(`[renderer] ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return [...new Set(messages)];
}

/* ------------------------------------------------------------------------------------------ */
/* Teams policy layer                                                                          */
/* ------------------------------------------------------------------------------------------ */

function parseVersion(text: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function isAbove(version: [number, number], limit: [number, number]): boolean {
  return version[0] > limit[0] || (version[0] === limit[0] && version[1] > limit[1]);
}

function registeredVersion(typeName: string): string | undefined {
  const registration =
    AC.GlobalRegistry.elements.findByName(typeName) ?? AC.GlobalRegistry.actions.findByName(typeName);
  return registration?.schemaVersion.toString();
}

export function policyErrors(card: JsonObject, options: ValidateCardOptions = {}): string[] {
  const messages: string[] = [];
  const limit = parseVersion(TEAMS_CARD_VERSION) as [number, number];

  if (card['type'] !== 'AdaptiveCard') {
    messages.push(`[teams] (card): top-level "type" must be "AdaptiveCard", got ${JSON.stringify(card['type'])}`);
  }
  const version = card['version'];
  if (typeof version !== 'string') {
    messages.push('[teams] (card): top-level "version" is required (use "1.5")');
  } else {
    const parsed = parseVersion(version);
    if (!parsed) messages.push(`[teams] (card): invalid "version" ${JSON.stringify(version)}`);
    else if (isAbove(parsed, limit)) {
      messages.push(`[teams] (card): card version ${version} is above ${TEAMS_CARD_VERSION}, the highest Teams supports`);
    }
  }

  const walk = (value: Json, path: string, inPayload: boolean): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}/${index}`, inPayload));
      return;
    }
    if (!isObject(value)) {
      if (options.rejectTemplateExpressions && typeof value === 'string' && value.includes('${')) {
        messages.push(`[template] ${path || '(card)'}: unexpanded template expression in ${JSON.stringify(value)}`);
      }
      return;
    }
    const type = value['type'];
    const isAction = typeof type === 'string' && type.startsWith('Action.');
    if (typeof type === 'string' && !inPayload) {
      if (isAction && !ALLOWED_ACTION_TYPES.includes(type)) {
        messages.push(
          `[teams] ${path}: action type "${type}" is not allowed; use Action.Execute (Universal Actions)` +
            ` or one of ${ALLOWED_ACTION_TYPES.join(', ')}`,
        );
      }
      const introducedIn = registeredVersion(type);
      const introduced = introducedIn ? parseVersion(introducedIn) : undefined;
      if (introduced && isAbove(introduced, limit)) {
        messages.push(`[teams] ${path}: "${type}" requires Adaptive Cards ${introducedIn}; Teams supports up to ${TEAMS_CARD_VERSION}`);
      }
    }
    for (const [key, child] of Object.entries(value)) {
      // An action's `data` is an opaque payload for the bot, not card content: no type checks
      // inside it (template expressions are still reported).
      walk(child, `${path}/${key}`, inPayload || (isAction && key === 'data'));
    }
  };
  walk(card, '', false);
  return messages;
}

/* ------------------------------------------------------------------------------------------ */

/**
 * Validates a rendered card (object, or JSON text) for Teams. Returns human-readable problems;
 * an empty array means the card passed every layer.
 */
export function validateAdaptiveCard(card: unknown, options: ValidateCardOptions = {}): string[] {
  let json: unknown = card;
  if (typeof card === 'string') {
    try {
      json = JSON.parse(card);
    } catch (error) {
      return [`[json] not valid JSON: ${(error as Error).message}`];
    }
  }
  if (!isObject(json)) return ['[json] a card must be a JSON object'];

  const messages: string[] = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_CARD_BYTES;
  const text = JSON.stringify(json);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    messages.push(
      `[size] card is ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB) as UTF-8 JSON, over the ${maxBytes}-byte` +
        ` (${(maxBytes / 1024).toFixed(1)} KB) limit; ${Buffer.byteLength(text, 'utf16le')} bytes as UTF-16`,
    );
  }
  messages.push(...schemaErrors(json), ...rendererErrors(json), ...policyErrors(json, options));
  return messages;
}
