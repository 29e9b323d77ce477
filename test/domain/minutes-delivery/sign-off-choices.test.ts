import fc from 'fast-check';
import { childLetterOf, deliveryPlan } from '../../../src/domain/minutes-delivery';
import { letterAsWritten, letterInputId, readSignOffChoices, sendInputId } from '../../../src/domain/minutes-delivery/sign-off-choices';
import { Attendee, Review } from '../../../src/domain/review/review';
import { markedReview } from './marked-review';

const person = (key: string, name: string, role: Attendee['role'], over: Partial<Attendee> = {}): Attendee => ({
  key, name, role, organisation: '', attendance: 'present', email: `${key}@example.org`, phone: '', receivesMinutes: true, doNotShareContact: false, ...over,
});

function reviewWith(attendees: Attendee[]): Review {
  const base = markedReview(attendees);
  const first = base.setUp!.children[0]!.firstName;
  return { ...base, status: 'in-progress', signOff: undefined, attendees: attendees.map((a) => (a.role === 'child' ? { ...a, name: `${first} Child` } : a)) } as Review;
}

const PEOPLE = [person('sw', 'Sam', 'social-care'), person('mum', 'Mum', 'parent-carer'), person('kid', 'Kid', 'child'), person('gp', 'Dr Lee', 'gp', { receivesMinutes: false })];

describe('the chair’s choices at sign-off', () => {
  const review = reviewWith(PEOPLE);

  it.each([
    ['nothing sent by the card: as recorded, no child letter', {}, { sw: true, mum: true, kid: false, gp: false }, []],
    ['Mum unticked', { [sendInputId('mum')]: 'false' }, { sw: true, mum: false, kid: false, gp: false }, []],
    ['the GP ticked after all', { [sendInputId('gp')]: 'true' }, { sw: true, mum: true, kid: false, gp: true }, []],
    ['the child ticked for a letter', { [sendInputId('kid')]: 'true' }, { sw: true, mum: true, kid: true, gp: false }, ['kid']],
  ])('%s', (_case, form: Record<string, string>, receives: Record<string, boolean>, letters: string[]) => {
    const read = readSignOffChoices(review, form);
    if (!read.ok) throw new Error(JSON.stringify(read.fieldErrors));
    expect(Object.fromEntries(read.attendees.map((a) => [a.key, a.receivesMinutes]))).toEqual(receives);
    expect(read.choices.childLetters.map((c) => c.attendeeKey)).toEqual(letters);
    // The plan follows the choices: exactly those ticked, once each.
    const plan = deliveryPlan({ ...review, attendees: read.attendees, minutesChoices: read.choices });
    expect(plan.map((r) => r.attendeeKey).sort()).toEqual(Object.keys(receives).filter((k) => receives[k]).sort());
  });

  it.each([
    ['a tick that is neither', { [sendInputId('mum')]: 'yes' }, sendInputId('mum'), 'Tick or untick'],
    ['a letter part too long', { [sendInputId('kid')]: 'true', [letterInputId('kid', 'worries')]: 'w'.repeat(4001) }, letterInputId('kid', 'worries'), 'Remove 1 characters'],
    ['a letter of too many lines', { [sendInputId('kid')]: 'true', [letterInputId('kid', 'dreams')]: Array.from({ length: 31 }, (_, i) => `d${i}`).join('\n') }, letterInputId('kid', 'dreams'), 'At most 30 lines'],
  ])('refuses %s, saying where', (_case, form: Record<string, string>, field: string, message: string) => {
    const read = readSignOffChoices(review, form);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.fieldErrors[field]).toContain(message);
  });

  it('refuses a letter to a child attendee who is not one of the children at set-up', () => {
    const stranger = reviewWith(PEOPLE);
    const unknown = { ...stranger, attendees: stranger.attendees.map((a) => (a.key === 'kid' ? { ...a, name: 'Nobody Known' } : a)) };
    // With more than one child at set-up, a name that matches none cannot be told apart.
    expect(unknown.setUp!.children.length).toBeGreaterThan(1);
    const read = readSignOffChoices(unknown, { [sendInputId('kid')]: 'true' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.fieldErrors[sendInputId('kid')]).toContain('Which child is Nobody Known?');
  });

  it('keeps the letter as written when the chair changes nothing, and uses the chair’s words when they do', () => {
    const kid = review.attendees.find((a) => a.key === 'kid')!;
    const written = letterAsWritten(review, kid);
    const same = readSignOffChoices(review, { [sendInputId('kid')]: 'true', [letterInputId('kid', 'goodThings')]: written.goodThings.join('\n') });
    expect(same.ok && same.choices.childLetters[0]).toEqual({ attendeeKey: 'kid' });
    const changed = readSignOffChoices(review, { [sendInputId('kid')]: 'true', [letterInputId('kid', 'goodThings')]: '  Reading every night \n\n Football  ' });
    if (!changed.ok) throw new Error('refused');
    const signed = { ...review, attendees: changed.attendees, minutesChoices: changed.choices };
    const child = review.setUp!.children[0]!;
    expect(childLetterOf(signed, child).goodThings).toEqual(['Reading every night', 'Football']);
    expect(childLetterOf(signed, child).paragraphs).toEqual(written.paragraphs);
  });

  it('never lets a contact detail into a letter, even typed by the chair', () => {
    const withPhone = reviewWith([...PEOPLE.slice(0, 2).map((a) => (a.key === 'mum' ? { ...a, phone: '07700 900123' } : a)), PEOPLE[2]!]);
    fc.assert(
      fc.property(fc.constantFrom('07700 900123', 'mum@example.org'), fc.string({ maxLength: 20 }), (contact, around) => {
        const read = readSignOffChoices(withPhone, { [sendInputId('kid')]: 'true', [letterInputId('kid', 'worries')]: `${around} ${contact} ${around}` });
        if (!read.ok) return true;
        const letter = childLetterOf({ ...withPhone, attendees: read.attendees, minutesChoices: read.choices }, withPhone.setUp!.children[0]!);
        return !letter.worries.join(' ').includes(contact);
      }),
    );
  });
});
