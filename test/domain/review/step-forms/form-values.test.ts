import fc from 'fast-check';
import { z } from 'zod';
import { isCalendarDate as timescalesIsCalendarDate } from '../../../../src/domain/timescales';
import { introductionsStep as introductionsForm } from '../../../../src/domain/review/steps/introductions';
import { setUpStep as setUpForm } from '../../../../src/domain/review/steps/set-up';
import {
  calendarDate, fieldErrorsFrom, isBlankRow, isCalendarDate, isSensibleDate, keyFor, parseWith, rowsOf, text, tick,
} from '../../../../src/domain/review/step-forms';
import { VALID_FORMS, setUpValues, walkTo } from '../review-builder';
import { NOW, attendee, errorsOf, parseStep, reviewAt } from './form-test-kit';

describe('rowsOf', () => {
  it('groups flat ids into rows in index order and ignores other lists and malformed ids', () => {
    const form = {
      'actions.1.what': 'second', 'actions.0.what': 'first', 'actions.0.who': 'Sam', 'actions.10.what': 'eleventh',
      'statements.0.danger': 'not an action', actions: 'no index', 'actions.x.what': 'bad index', 'actions.-1.what': 'negative',
      'actions.2': 'no field', 'actions.3.what.extra': 'too deep', 'actions.501.what': 'too many',
    };
    const rows = rowsOf(form, 'actions');
    expect(rows[0]).toEqual({ what: 'first', who: 'Sam' });
    expect(rows[1]).toEqual({ what: 'second' });
    expect(rows[10]).toEqual({ what: 'eleventh' });
    // Rows keep the index they were shown with: the ones not sent are holes, not renumbered.
    expect(Object.keys(rows)).toEqual(['0', '1', '10']);
  });

  it('is empty for a form without the list', () => {
    expect(rowsOf({ kind: 'continue' }, 'actions')).toEqual([]);
  });
});

describe('isBlankRow', () => {
  it.each([
    [{}, [], true],
    [{ a: '', b: '   ' }, [], true],
    [{ a: '', remove: 'false' }, [], true],
    [{ a: 'x' }, [], false],
    [{ a: '', status: 'on-track' }, [], false],
    [{ a: '', status: 'on-track' }, ['status'], true],
    [{ a: '', remove: 'true' }, ['remove'], true],
  ])('%j ignoring %j is blank: %s', (row, ignore, blank) => {
    expect(isBlankRow(row, ignore)).toBe(blank);
  });
});

describe('calendar dates', () => {
  it.each(['2026-03-02', '2028-02-29', '2000-01-01', '2100-12-31', '2026-12-31'])('%s is a real date, in the years a card accepts', (d) => {
    expect(isCalendarDate(d)).toBe(true);
    expect(isSensibleDate(d)).toBe(true);
  });

  it.each(['2026-02-30', '2025-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00',
    '26-03-02', '2026-3-2', '02/03/2026', '2026-03-02T00:00', 'tomorrow', ''])('%j is not a date at all', (d) => {
    expect(isCalendarDate(d)).toBe(false);
    expect(isSensibleDate(d)).toBe(false);
  });

  // One calendar-date rule (the timescales'); the years a typed date may fall in is a separate, card-level rule.
  it.each(['1999-12-31', '2101-01-01', '1066-10-14'])('%j is a real date, but not one a card accepts', (d) => {
    expect(isCalendarDate(d)).toBe(true);
    expect(isSensibleDate(d)).toBe(false);
    expect(parseWith(z.object({ d: calendarDate('Enter the date') }), { d })).toEqual({ ok: false, fieldErrors: { d: 'Enter a real date (for example 2026-12-01)' } });
  });

  it('is the same function as the timescales use', () => {
    expect(isCalendarDate).toBe(timescalesIsCalendarDate);
  });

  it('a date field says what is wrong: missing, or not a real date', () => {
    const schema = z.object({ d: calendarDate('Enter the date') });
    expect(parseWith(schema, { d: ' ' })).toEqual({ ok: false, fieldErrors: { d: 'Enter the date' } });
    expect(parseWith(schema, { d: '2026-02-30' })).toEqual({ ok: false, fieldErrors: { d: 'Enter a real date (for example 2026-12-01)' } });
    expect(parseWith(schema, { d: ' 2026-02-28 ' })).toEqual({ ok: true, value: { d: '2026-02-28' } });
  });
});

describe('text limits', () => {
  it.each([
    ['short', text.short('Required'), 100],
    ['optional short', text.optionalShort(), 200],
    ['long', text.long('Required'), 4000],
    ['optional long', text.optionalLong(), 4000],
  ])('%s text takes %i characters, not one more, and trims first', (_, schema, max) => {
    expect(schema.safeParse('x'.repeat(max)).success).toBe(true);
    expect(schema.safeParse(`  ${'x'.repeat(max)}  `).data).toBe('x'.repeat(max));
    const over = schema.safeParse('x'.repeat(max + 1));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe(`Remove 1 character: this is ${(max + 1).toLocaleString('en-GB')} characters and the limit is ${max.toLocaleString('en-GB')}`);
  });

  it('says how many characters to remove, counting what is left after trimming', () => {
    const schema = text.optionalLong();
    expect(schema.safeParse(`  ${'x'.repeat(4210)}\n`).error?.issues[0]?.message).toBe('Remove 210 characters: this is 4,210 characters and the limit is 4,000');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (over) => {
        const message = schema.safeParse('y'.repeat(4000 + over)).error?.issues[0]?.message ?? '';
        expect(message.startsWith(`Remove ${over.toLocaleString('en-GB')} character`)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('required text rejects blank and whitespace; optional text defaults to empty', () => {
    expect(text.short('Required').safeParse('   ').error?.issues[0]?.message).toBe('Required');
    expect(text.optionalLong().parse(undefined)).toBe('');
  });

  it.each([['true', true], ['false', false], [undefined, false], ['TRUE', false], ['yes', false]])('tick %j is %s', (v, b) => {
    expect(tick.parse(v)).toBe(b);
  });
});

describe('keys and errors', () => {
  it('keeps an existing key by position and makes a new one from the time and index', () => {
    expect(keyFor('action', [{ key: 'kept' }], 0, NOW)).toBe('kept');
    expect(keyFor('action', [{ key: 'kept' }], 1, NOW)).toBe(`action-${Date.parse(NOW).toString(36)}-1`);
  });

  it('names each field error by its path, first message wins', () => {
    const schema = z.object({ a: z.string().min(3, 'too short').regex(/^\d+$/, 'digits') });
    const r = schema.safeParse({ a: 'x' });
    expect(fieldErrorsFrom(r.error!, 'rows.2.')).toEqual({ 'rows.2.a': 'too short' });
  });
});

describe('sparse rows (a client that omits a blank row)', () => {
  // A card's row 1 was left empty and its inputs were not sent; row 2 has an organisation but no name.
  // The error must sit next to row 2's name input, not next to row 1's (another person's) input.
  it('names the error after the row index that was submitted', () => {
    const review = { ...reviewAt('introductions'), attendees: [attendee('chair', 'social-care')] };
    const form = {
      'attendees.0.name': 'Chris Chair', 'attendees.0.role': 'social-care', 'attendees.0.attendance': 'present',
      'attendees.2.name': '', 'attendees.2.role': 'health', 'attendees.2.organisation': 'City Hospital', 'attendees.2.attendance': 'present',
    };
    const result = introductionsForm.parse(form, review, NOW);
    expect(result.ok ? {} : Object.keys(result.fieldErrors)).toEqual(['attendees.2.name']);
  });

  // Ben's row was blanked to remove him and its (empty) inputs were not sent: Cat must keep her key and her voice.
  it("removing a middle child keeps the later child's key, so their voice stays theirs", () => {
    const three = [{ firstName: 'Amy', caseReference: 'A1' }, { firstName: 'Ben', caseReference: 'B2' }, { firstName: 'Cat', caseReference: 'C3' }];
    const review = walkTo('minutes', { forms: { 'set-up': () => setUpValues({ children: three }) } });
    const cat = review.setUp!.children[2]!;
    const form = { ...setUpValues({ children: [three[0]!] }), 'children.2.firstName': 'Cat', 'children.2.caseReference': 'C3' };
    const patch = setUpForm.parse(form, review, NOW);
    expect(patch.ok && patch.patch.setUp?.children.find((c) => c.firstName === 'Cat')?.key).toBe(cat.key);
    expect(patch.ok && patch.patch.childVoices?.map((v) => v.childKey)).toEqual([review.setUp!.children[0]!.key, cat.key]);
  });
});

describe('required answers the client did not send at all', () => {
  // Each required input, removed from an otherwise valid form, must get the message written for it
  // (as an empty answer does), not the validator's default "Invalid input: expected string, received undefined".
  it('get the same message as an empty answer', () => {
    const cases = [
      ['set-up', 'chairName'], ['set-up', 'meetingDate'], ['mapping', 'workingWell'], ['equality', 'language'],
      ['outcome', 'reason'], ['next-meeting', 'proposedDate'], ['updates', 'updates.1.update'], ['child-voice', 'voices.0.wishesAndFeelings'],
    ] as const;
    const wrong = cases.flatMap(([step, field]) => {
      const review = walkTo(step);
      const { [field]: _dropped, ...missing } = VALID_FORMS[step](review);
      const asEmpty = errorsOf(parseStep(step, { ...VALID_FORMS[step](review), [field]: '' }, review))[field];
      const asMissing = errorsOf(parseStep(step, missing, review))[field];
      return asMissing === asEmpty ? [] : [`${step} ${field}: ${asMissing}`];
    });
    expect(wrong).toEqual([]);
  });
});
