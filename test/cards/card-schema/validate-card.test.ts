import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_MAX_CARD_BYTES,
  type JsonObject,
  SCHEMA_PATH,
  loadAdaptedSchema,
  schemaErrors,
  validateAdaptiveCard,
} from './validate-card';

/** A small card using most of what the bot needs, all within Teams' 1.5 support. */
function goodCard(): JsonObject {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    msteams: { width: 'Full' },
    refresh: {
      action: { type: 'Action.Execute', verb: 'review.refresh', title: 'Refresh', data: { reviewId: 'r-1' } },
      userIds: ['29:abc'],
    },
    body: [
      { type: 'TextBlock', text: 'Step 2 of 9: The child’s voice', size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
      { type: 'FactSet', facts: [{ title: 'Child', value: 'A.B.' }] },
      {
        type: 'Container',
        rtl: false,
        items: [
          { type: 'Input.Text', id: 'childVoice', label: 'What the child said', isMultiline: true, isRequired: true, errorMessage: 'Required' },
          { type: 'Input.Date', id: 'meetingDate', label: 'Date', value: '2026-11-23' },
          { type: 'Input.Time', id: 'meetingTime', label: 'Time', value: '10:00' },
          { type: 'Input.Toggle', id: 'online', title: 'Held online', value: 'true' },
          {
            type: 'Input.ChoiceSet',
            id: 'outcome',
            label: 'Outcome',
            style: 'filtered',
            choices: [
              { title: 'Continue CIN plan', value: 'continue' },
              { title: 'Close', value: 'close' },
            ],
          },
        ],
      },
      {
        type: 'Table',
        columns: [{ width: 1 }, { width: 2 }],
        rows: [
          {
            type: 'TableRow',
            cells: [
              { type: 'TableCell', items: [{ type: 'TextBlock', text: 'Action', wrap: true }] },
              { type: 'TableCell', items: [{ type: 'TextBlock', text: 'Owner', wrap: true }] },
            ],
          },
        ],
      },
      { type: 'TextBlock', id: 'details', text: 'More detail', isVisible: false, wrap: true },
    ],
    actions: [
      { type: 'Action.Execute', verb: 'review.next', title: 'Save and continue', style: 'positive', data: { reviewId: 'r-1', version: 3 } },
      { type: 'Action.ToggleVisibility', title: 'Details', targetElements: ['details'] },
      { type: 'Action.OpenUrl', title: 'Guidance', url: 'https://www.example.org/guidance' },
      {
        type: 'Action.ShowCard',
        title: 'Cancel review',
        card: {
          type: 'AdaptiveCard',
          body: [{ type: 'TextBlock', text: 'Are you sure?', wrap: true }],
          actions: [{ type: 'Action.Execute', verb: 'review.cancel', title: 'Yes, cancel', style: 'destructive' }],
        },
      },
    ],
  };
}

function withBody(...body: JsonObject[]): JsonObject {
  return { type: 'AdaptiveCard', version: '1.5', body };
}

function expectSomeMatch(errors: string[], pattern: RegExp): void {
  expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
}

describe('validateAdaptiveCard', () => {
  it('passes a good 1.5 card with Universal Actions', () => {
    expect(validateAdaptiveCard(goodCard())).toEqual([]);
  });

  it('accepts the card as JSON text too, and reports text that is not JSON', () => {
    expect(validateAdaptiveCard(JSON.stringify(goodCard()))).toEqual([]);
    expectSomeMatch(validateAdaptiveCard('{"type": "AdaptiveCard",'), /^\[json\] not valid JSON/);
    expect(validateAdaptiveCard([1, 2])).toEqual(['[json] a card must be a JSON object']);
  });

  it('catches an unknown element type (schema and renderer)', () => {
    const errors = validateAdaptiveCard(withBody({ type: 'TextBlock', text: 'ok' }, { type: 'Bogus', text: 'x' }));
    expectSomeMatch(errors, /^\[schema\] \/body\/1: unknown type "Bogus"/);
    expectSomeMatch(errors, /^\[renderer\] UnknownElementType: Unknown element type "Bogus"/);
  });

  it('catches an unknown element nested inside a container and a ShowCard', () => {
    const card = goodCard();
    ((card['body'] as JsonObject[])[2]!['items'] as JsonObject[]).push({ type: 'Rating', id: 'r' });
    ((((card['actions'] as JsonObject[])[3]!['card'] as JsonObject)['body'] as JsonObject[]) as JsonObject[]).push({ type: 'Icon', name: 'x' });
    const errors = validateAdaptiveCard(card);
    expectSomeMatch(errors, /^\[schema\] \/body\/2\/items\/5: unknown type "Rating"/);
    expectSomeMatch(errors, /^\[schema\] \/actions\/3\/card\/body\/1: unknown type "Icon"/);
    expectSomeMatch(errors, /^\[renderer\] UnknownElementType: Unknown element type "Icon"/);
  });

  it('catches a misspelled required property', () => {
    const errors = validateAdaptiveCard(withBody({ type: 'TextBlock', txt: 'hello' }));
    expect(errors).toEqual(
      expect.arrayContaining(['[schema] /body/0: missing required property "text"', '[schema] /body/0: unknown property "txt"']),
    );
  });

  it('catches an Input without its required id', () => {
    const errors = validateAdaptiveCard(withBody({ type: 'Input.Text', label: 'Name' }));
    expect(errors).toContain('[schema] /body/0: missing required property "id"');
    expectSomeMatch(errors, /^\[renderer\] PropertyCantBeNull: All inputs must have a unique Id/);
  });

  it('catches duplicate input ids (renderer)', () => {
    const errors = validateAdaptiveCard(withBody({ type: 'Input.Text', id: 'a' }, { type: 'Input.Number', id: 'a' }));
    expectSomeMatch(errors, /^\[renderer\] DuplicateId: Duplicate Id "a"/);
  });

  it('rejects Action.Submit wherever it appears (Universal Actions only)', () => {
    const card = withBody({
      type: 'Container',
      items: [{ type: 'TextBlock', text: 'x' }],
      selectAction: { type: 'Action.Submit', data: { verb: 'x' } },
    });
    card['actions'] = [{ type: 'Action.Submit', title: 'Save' }];
    const errors = validateAdaptiveCard(card);
    expectSomeMatch(errors, /^\[teams\] \/actions\/0: action type "Action\.Submit" is not allowed; use Action\.Execute/);
    expectSomeMatch(errors, /^\[teams\] \/body\/0\/selectAction: action type "Action\.Submit" is not allowed/);
    // The schema itself allows Action.Submit: this is policy, not schema.
    expect(errors.filter((e) => e.startsWith('[schema]'))).toEqual([]);
  });

  it('ignores "type" keys inside an action\'s data payload', () => {
    const card = goodCard();
    (card['actions'] as JsonObject[])[0]!['data'] = { type: 'Action.Submit', nested: { type: 'Carousel' } };
    expect(validateAdaptiveCard(card)).toEqual([]);
  });

  describe('1.6-only features', () => {
    it('catches an element introduced in 1.6 (Carousel)', () => {
      const errors = validateAdaptiveCard(withBody({ type: 'Carousel', pages: [] }));
      expectSomeMatch(errors, /^\[teams\] \/body\/0: "Carousel" requires Adaptive Cards 1\.6; Teams supports up to 1\.5/);
      expectSomeMatch(errors, /^\[renderer\] UnknownElementType: Unknown element type "Carousel"/);
      expectSomeMatch(errors, /^\[schema\] \/body\/0: unknown type "Carousel"/);
    });

    it('catches a property introduced in 1.6 (Input labelPosition, Action role)', () => {
      const card = withBody({ type: 'Input.Text', id: 'name', label: 'Name', labelPosition: 'inline' });
      card['actions'] = [{ type: 'Action.Execute', verb: 'go', title: 'Go', role: 'button' }];
      const errors = validateAdaptiveCard(card);
      expectSomeMatch(errors, /^\[renderer\] UnsupportedProperty: Property "labelPosition" is supported in version 1\.6/);
      expectSomeMatch(errors, /^\[renderer\] UnsupportedProperty: Property "role" is supported in version 1\.6/);
      expect(errors).toContain('[schema] /body/0: unknown property "labelPosition"');
      expect(errors).toContain('[schema] /actions/0: unknown property "role"');
    });

    it('catches a card that declares version 1.6', () => {
      const card = goodCard();
      card['version'] = '1.6';
      expect(validateAdaptiveCard(card)).toEqual([
        '[teams] (card): card version 1.6 is above 1.5, the highest Teams supports',
      ]);
    });
  });

  it('requires type "AdaptiveCard" and a version at the top level', () => {
    const errors = validateAdaptiveCard({ type: 'Card', body: [] });
    expectSomeMatch(errors, /^\[teams\] \(card\): top-level "type" must be "AdaptiveCard"/);
    expectSomeMatch(errors, /^\[teams\] \(card\): top-level "version" is required/);
  });

  it('reports an invalid enum value', () => {
    const errors = validateAdaptiveCard(withBody({ type: 'TextBlock', text: 'x', color: 'purple' }));
    expectSomeMatch(errors, /^\[renderer\] InvalidPropertyValue: Invalid value "purple" for property "color"/);
    expect(errors).toContain(
      '[schema] /body/0/color: must be one of default, dark, light, accent, good, warning, attention (got "purple")',
    );
  });

  describe('size', () => {
    function cardOfSize(bytes: number): JsonObject {
      const card = withBody({ type: 'TextBlock', text: '', wrap: true });
      const overhead = Buffer.byteLength(JSON.stringify(card));
      ((card['body'] as JsonObject[])[0] as JsonObject)['text'] = 'x'.repeat(bytes - overhead);
      expect(Buffer.byteLength(JSON.stringify(card))).toBe(bytes);
      return card;
    }

    it('rejects a card over 40 KB and reports its size', () => {
      const errors = validateAdaptiveCard(cardOfSize(DEFAULT_MAX_CARD_BYTES + 1));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^\[size\] card is 40961 bytes \(40\.0 KB\) as UTF-8 JSON, over the 40960-byte \(40\.0 KB\) limit/);
    });

    it('accepts a card of exactly 40 KB', () => {
      expect(validateAdaptiveCard(cardOfSize(DEFAULT_MAX_CARD_BYTES))).toEqual([]);
    });

    it('counts bytes, not characters, and honours maxBytes', () => {
      const card = withBody({ type: 'TextBlock', text: '£'.repeat(600) });
      expect(validateAdaptiveCard(card, { maxBytes: 1000 })).toEqual([
        expect.stringMatching(/^\[size\] card is 12\d\d bytes/),
      ]);
    });
  });

  it('optionally reports unexpanded template expressions', () => {
    const card = withBody({ type: 'TextBlock', text: 'Hello ${name}' });
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(validateAdaptiveCard(card, { rejectTemplateExpressions: true })).toEqual([
      '[template] /body/0/text: unexpanded template expression in "Hello ${name}"',
    ]);
  });
});

describe('vendored Adaptive Card 1.5 schema', () => {
  const raw = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as JsonObject;

  it('is the official draft-06 schema with the 1.5 definitions', () => {
    expect(raw['$schema']).toBe('http://json-schema.org/draft-06/schema#');
    const definitions = Object.keys(raw['definitions'] as JsonObject);
    expect(definitions).toEqual(expect.arrayContaining(['Action.Execute', 'Table', 'TableCell', 'Extendable.Input']));
    expect(definitions).not.toContain('Carousel');
  });

  /**
   * The helper adapts the schema in memory (anyOf -> type dispatch, plus two documented fixes).
   * On cards that avoid the two fixed spots, the unmodified schema must give the same verdict.
   */
  it('gives the same verdicts as the unmodified schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
    addFormats(ajv);
    const { id: _id, ...withoutDraft4Id } = raw;
    const original = ajv.compile(withoutDraft4Id);

    const plain = goodCard();
    delete plain['msteams'];
    delete ((plain['body'] as JsonObject[])[2] as JsonObject)['rtl'];

    const corpus: JsonObject[] = [
      plain,
      withBody({ type: 'Bogus' }),
      withBody({ type: 'TextBlock', txt: 'x' }),
      withBody({ type: 'Input.Text', label: 'no id' }),
      withBody({ type: 'Carousel', pages: [] }),
      withBody({ type: 'RichTextBlock', inlines: ['plain text run', { type: 'TextRun', text: 'x' }] }),
      withBody({ type: 'RichTextBlock', inlines: [{ type: 'TextBlock', text: 'not an inline' }] }),
      withBody({ type: 'TextBlock', text: 'x', fallback: 'drop' }),
      withBody({ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'Image', url: 'https://example.org/a.png' }] }] }),
      withBody({ type: 'ColumnSet', columns: [{ type: 'Container', items: [] }] }),
      { type: 'AdaptiveCard', version: '1.5', actions: [{ type: 'Action.Submit', title: 'ok' }] },
      { type: 'AdaptiveCard', version: '1.5', actions: [{ title: 'no type' }] },
      { type: 'AdaptiveCard', version: '1.5', body: ['a string is not an element'] },
    ];
    for (const card of corpus) {
      expect({ card, valid: schemaErrors(card).length === 0 }).toEqual({ card, valid: original(card) });
    }
  });

  it('is stricter than the official schema where that one accepts any non-string for an enum', () => {
    // Official schema: valid (untyped `pattern` branch). Renderer: silent. Adapted schema: invalid.
    expectSomeMatch(schemaErrors(withBody({ type: 'TextBlock', text: 'x', fallback: { type: 'Bogus' } })), /unknown type "Bogus"/);
    expect(schemaErrors(withBody({ type: 'TextBlock', text: 'x', weight: 5 }))).toEqual([
      '[schema] /body/0/weight: must be one of default, lighter, bolder (got 5)',
    ]);
    expect(schemaErrors(withBody({ type: 'TextBlock', text: 'x', weight: 'Bolder', fallback: 'drop' }))).toEqual([]);
  });

  it('is adapted for Teams: "rtl" on Container (schema typo "rtl?") and the msteams extension', () => {
    const adapted = loadAdaptedSchema();
    const definitions = adapted['definitions'] as { [name: string]: JsonObject };
    expect(Object.keys(definitions['Container']!['properties'] as JsonObject)).toContain('rtl');
    expect(Object.keys(definitions['TableCell']!['properties'] as JsonObject)).toContain('rtl');
    expect(schemaErrors(withBody({ type: 'Container', rtl: true, items: [] }))).toEqual([]);
    expect(schemaErrors({ ...withBody(), msteams: { width: 'Full' } })).toEqual([]);
  });
});
