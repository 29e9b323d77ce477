import { newReview } from '../../../../src/domain/review/new-review';
import { minutesOf } from '../../../../src/domain/review/minutes';
import { professionalsPresent } from '../../../../src/domain/review/agenda';
import { STEPS } from '../../../../src/domain/review/steps';
import { CHAIR, OTHER, T0, attendeeValues, walkTo } from '../review-builder';
import { errorsOf, parseStep, patchOf } from '../step-forms/form-test-kit';

const THIRD = { teamsUserId: '29:third', aadObjectId: 'aad-third', name: 'Tia Third' };
const withRoster = () => newReview({ id: 'r', conversationId: 'c', tenantId: 't', startedBy: CHAIR, roster: [CHAIR, OTHER, THIRD], now: T0 });

describe('a roster member’s role is chosen, never defaulted', () => {
  it('people Teams offered start with no role: neither family nor professional', () => {
    const review = withRoster();
    expect(review.attendees.map((a) => [a.name, a.role])).toEqual([['Chris Chair', 'social-care'], ['Olu Other', null], ['Tia Third', null]]);
    expect(professionalsPresent(review).map((a) => a.name)).toEqual(['Chris Chair']);
  });

  it('the introductions card shows their role unchosen, and asks for it', () => {
    const review = { ...withRoster(), currentStep: 'introductions' as const };
    const sections = STEPS.introductions.form(review, { today: '2026-03-02', packChoices: [], defaultPackId: 'leicestershire' });
    const roleOf = (i: number) => sections.flatMap((s) => [...s.inputs, ...(s.details?.inputs ?? [])]).find((x) => x.inputId === `attendees.${i}.role`)!;
    expect([roleOf(0).stored, roleOf(1).stored, roleOf(2).stored]).toEqual(['social-care', '', '']);
    expect(sections[1]!.note).toContain('choose their role');
  });

  it('saving introductions without choosing refuses each unchosen role, by the field', () => {
    const review = { ...withRoster(), currentStep: 'introductions' as const };
    const form = attendeeValues([{ name: 'Chris Chair', role: 'social-care' }, { name: 'Olu Other', role: '' }, { name: 'Tia Third', role: 'health' }]);
    expect(errorsOf(parseStep('introductions', form, review))).toEqual({ 'attendees.1.role': 'Choose the role or agency' });
  });

  it('the minutes never show an unchosen role as a role', () => {
    const review = withRoster();
    const line = minutesOf(review).find((s) => s.step === 'introductions')!.entries.find((e) => e.label === 'Olu Other')!;
    expect(line.value).toBe('Role not yet chosen · Present');
  });
});

describe('an answer the card did not send is kept, not blanked', () => {
  it('an existing attendee’s details hidden on the card (and not sent by the client) stay as stored', () => {
    const review = walkTo('minutes');
    const school = review.attendees.findIndex((a) => a.name === 'Sam School');
    const form = attendeeValues(review.attendees.map((a) => ({ name: a.name, role: a.role ?? '' })));
    for (const id of Object.keys(form)) if (/\.(organisation|email|contact|receivesMinutes|doNotShareContact)$/.test(id)) delete (form as Record<string, string>)[id];
    const kept = patchOf(parseStep('introductions', form, { ...review, currentStep: 'introductions' })).attendees![school]!;
    expect(kept).toMatchObject({ organisation: 'Oak Primary', email: 'sam@oak.sch.uk', phone: '0116 496 0000', doNotShareContact: true });
  });

  it('a detail sent blank is cleared', () => {
    const review = walkTo('minutes');
    const form = { ...attendeeValues(review.attendees.map((a) => ({ name: a.name, role: a.role ?? '' }))) };
    const school = review.attendees.findIndex((a) => a.name === 'Sam School');
    expect(patchOf(parseStep('introductions', form, { ...review, currentStep: 'introductions' })).attendees![school]!.email).toBe('');
  });
});
