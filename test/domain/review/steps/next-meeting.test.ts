import { Review } from '../../../../src/domain/review/review';
import { minutesOf } from '../../../../src/domain/review/minutes';
import { STEPS, StepDefinition } from '../../../../src/domain/review/steps';
import { DEFAULT_ATTENDEES, addDays, attendeeValues, completeReview, currentAttendeeRows, walkTo } from '../review-builder';
import { errorsOf, parseStep, patchOf } from '../step-forms/form-test-kit';

// Two separated parents: one "The family would like it" answer could not say what each wants.
const twoParents = {
  introductions: (r: Review) =>
    attendeeValues(currentAttendeeRows(r, [...DEFAULT_ATTENDEES.filter((d) => !r.attendees.some((a) => a.name === d.name)), { name: 'Dee Dad', role: 'parent-carer', attendance: 'apologies' }])),
};
const date = (r: Review) => addDays(r.setUp!.meetingDate, 28);

describe("each parent's own preference for the next meeting", () => {
  const review = walkTo('next-meeting', { forms: twoParents });
  const [pat, dee] = review.attendees.filter((a) => a.role === 'parent-carer');

  it('the card asks each parent, by name, after the family’s answer', () => {
    const inputs = (STEPS['next-meeting'] as StepDefinition).form(review, { today: '2026-03-02', packChoices: [], defaultPackId: 'x' }).flatMap((s) => s.inputs);
    expect(inputs.map((i) => [i.inputId, i.label ?? i.field.label])).toEqual(expect.arrayContaining([
      ['parentPreferences.0.mode', 'Pat Parent would like it'],
      ['parentPreferences.1.mode', 'Dee Dad would like it'],
    ]));
  });

  it('records each parent’s preference, and then the family’s single answer is not needed', () => {
    const form = { proposedDate: date(review), 'parentPreferences.0.mode': 'in-person', 'parentPreferences.1.mode': 'online' };
    const next = patchOf(parseStep('next-meeting', form, review)).nextMeeting!;
    expect(next.familyPreference).toBeNull();
    expect(next.parentPreferences).toEqual([{ attendeeKey: pat!.key, mode: 'in-person' }, { attendeeKey: dee!.key, mode: 'online' }]);
  });

  it('needs the family’s answer unless every parent gave their own', () => {
    expect(errorsOf(parseStep('next-meeting', { proposedDate: date(review), 'parentPreferences.0.mode': 'online' }, review))).toEqual({
      familyPreference: 'Ask the family: in person or on Teams? (or ask each parent)',
    });
    const one = patchOf(parseStep('next-meeting', { proposedDate: date(review), familyPreference: 'online', 'parentPreferences.1.mode': 'in-person' }, review)).nextMeeting!;
    expect([one.familyPreference, one.parentPreferences]).toEqual(['online', [{ attendeeKey: dee!.key, mode: 'in-person' }]]);
  });

  it('the minutes name each parent’s preference', () => {
    const done = completeReview({ forms: { ...twoParents, 'next-meeting': (r) => ({ proposedDate: date(r), 'parentPreferences.0.mode': 'in-person', 'parentPreferences.1.mode': 'online' }) } });
    const entries = minutesOf(done).find((s) => s.step === 'next-meeting')!.entries.map((e) => [e.label, e.value]);
    expect(entries).toEqual(expect.arrayContaining([['Pat Parent would like it', 'In person'], ['Dee Dad would like it', 'On Teams']]));
    expect(entries.map(([l]) => l)).not.toContain("Family's preference");
  });
});
