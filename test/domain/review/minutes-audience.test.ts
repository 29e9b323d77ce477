import fc from 'fast-check';
import { MinutesSection, minutesOf } from '../../../src/domain/review/minutes';
import { Attendee, Review } from '../../../src/domain/review/review';
import { STEPS } from '../../../src/domain/review/steps';
import { largeReview } from '../../cards/large-review';
import { attendeeValues, completeReview, currentAttendeeRows, planValues, walkTo } from './review-builder';
import { parseStep, patchOf } from './step-forms/form-test-kit';

const text = (sections: readonly MinutesSection[]) => sections.flatMap((s) => [s.title, ...s.entries.flatMap((e) => [e.label, e.value])]).join('\n');

/** A review whose every professionals-only answer carries a marker. */
function markedReview(attendees: readonly Attendee[] = largeReview().attendees): Review {
  const base = largeReview();
  return {
    ...base,
    attendees,
    setUp: { ...base.setUp!, timescaleReason: 'M-TIMESCALE-REASON' },
    mapping: { ...base.mapping!, professionalWorries: 'M-PRO-WORRIES' },
    updates: base.updates.map((u, i) => ({ ...u, update: i === 0 ? 'M-SECRET-UPDATE' : u.update, notForFamily: i === 0 })),
    plan: { ...base.plan!, actions: base.plan!.actions.map((a, i) => ({ ...a, what: i === 1 ? 'M-SECRET-ACTION' : a.what, notForFamily: i === 1 })) },
  };
}

const contact = fc.oneof(fc.emailAddress(), fc.stringMatching(/^0[0-9 ]{9,13}$/));
const attendeesArb = fc.uniqueArray(
  fc.record({ email: contact, phone: contact, doNotShareContact: fc.boolean(), receivesMinutes: fc.boolean() }),
  { minLength: 1, maxLength: 12, selector: (a) => `${a.email}|${a.phone}` },
).map((rows) =>
  rows.map((r, i): Attendee => ({
    key: `p${i}`, name: `Person ${i}`, role: i % 2 ? 'parent-carer' : 'health', organisation: '', attendance: 'present', ...r,
  })),
);

describe("the family's copy of the minutes", () => {
  it("never holds anyone's email or phone, whatever was typed and however it was marked", () => {
    fc.assert(
      fc.property(attendeesArb, (attendees) => {
        const family = text(minutesOf(markedReview(attendees), 'family'));
        for (const a of attendees) {
          expect(family).not.toContain(a.email);
          expect(family).not.toContain(a.phone);
          expect(family).toContain(a.name);
        }
      }),
      { numRuns: 60 },
    );
  });

  it.each(['M-TIMESCALE-REASON', 'M-PRO-WORRIES', 'M-SECRET-UPDATE', 'M-SECRET-ACTION'])('leaves out %s, which is for professionals only', (marker) => {
    const review = markedReview();
    expect(text(minutesOf(review, 'professionals'))).toContain(marker);
    expect(text(minutesOf(review, 'family'))).not.toContain(marker);
  });

  it('keeps everything else: every entry for everyone is in both copies', () => {
    const review = markedReview();
    const family = minutesOf(review, 'family');
    const everyone = minutesOf(review, 'professionals').flatMap((s) => s.entries.filter((e) => e.audience === 'everyone'));
    const familyEntries = family.flatMap((s) => s.entries);
    // Attendee lines differ only by the contacts, which the family's copy leaves out.
    for (const e of everyone.filter((x) => !review.attendees.some((a) => a.name === x.label))) expect(familyEntries).toContainEqual(e);
    expect(familyEntries.every((e) => e.audience === 'everyone')).toBe(true);
  });
});

describe("the professionals' copy of the minutes", () => {
  it('keeps contacts, except those marked "do not share"', () => {
    fc.assert(
      fc.property(attendeesArb, (attendees) => {
        const entries = minutesOf(markedReview(attendees), 'professionals').find((s) => s.step === 'introductions')!.entries;
        for (const a of attendees) {
          const line = entries.find((e) => e.label === a.name)!.value;
          for (const c of [a.email, a.phone]) {
            if (a.doNotShareContact) expect(line).not.toContain(c);
            else expect(line).toContain(c);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is what minutesOf gives with one argument, as existing callers expect', () => {
    const review = markedReview();
    expect(minutesOf(review)).toEqual(minutesOf(review, 'professionals'));
  });
});

describe('the chair marks what is not for the family while capturing it', () => {
  it('a tick per agency update', () => {
    const review = walkTo('updates');
    const patch = patchOf(parseStep('updates', { 'updates.0.update': 'Visited', 'updates.0.notForFamily': 'true', 'updates.1.update': 'No update' }, review));
    expect(patch.updates?.map((u) => u.notForFamily)).toEqual([true, false]);
  });

  it('a tick per action', () => {
    const review = walkTo('plan');
    const form = { ...planValues(review), 'actions.0.notForFamily': 'true' };
    expect(patchOf(parseStep('plan', form, review)).plan?.actions.map((a) => a.notForFamily)).toEqual([true]);
  });

  it('a separate field for worries shared among professionals only', () => {
    const review = walkTo('mapping');
    const form = { workingWell: 'w', worries: 'x', safetyPlan: 'neither', scaleOverall: '5', professionalWorries: ' Dad’s new partner has a record ' };
    expect(patchOf(parseStep('mapping', form, review)).mapping?.professionalWorries).toBe('Dad’s new partner has a record');
  });

  it('every contact field and every "not for the family" field is declared for professionals or the chair, never everyone', () => {
    const fields = Object.values(STEPS).flatMap((s) => s.fields as ReadonlyArray<{ id: string; audience: string }>);
    for (const id of ['email', 'contact', 'professionalWorries', 'timescaleReason', 'notForFamily', 'doNotShareContact', 'receivesMinutes']) {
      const declared = fields.filter((f) => f.id === id);
      expect(declared.length).toBeGreaterThan(0);
      for (const f of declared) expect(f.audience).not.toBe('everyone');
    }
  });
});

describe('contacts from a walked review reach only the professionals', () => {
  const review = completeReview({
    forms: {
      introductions: (r) =>
        attendeeValues(currentAttendeeRows(r, [
          { name: 'Pat Parent', role: 'parent-carer', email: 'pat@example.org', phone: '07700 900001' },
          { name: 'Dee Dad', role: 'parent-carer', phone: '07700 900002', doNotShareContact: true },
        ])),
    },
  });

  it.each([['pat@example.org', true], ['07700 900001', true], ['07700 900002', false]] as const)('%s in the professionals’ copy: %s', (c, shown) => {
    expect(text(minutesOf(review, 'professionals')).includes(c)).toBe(shown);
    expect(text(minutesOf(review, 'family'))).not.toContain(c);
  });
});
