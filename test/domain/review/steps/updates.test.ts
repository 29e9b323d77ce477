import { Review } from '../../../../src/domain/review/review';
import { minutesOf } from '../../../../src/domain/review/minutes';
import { stepSatisfied } from '../../../../src/domain/review/agenda';
import { STEPS, StepDefinition } from '../../../../src/domain/review/steps';
import { DEFAULT_ATTENDEES, attendeeValues, completeReview, currentAttendeeRows, walkTo } from '../review-builder';
import { parseStep, patchOf } from '../step-forms/form-test-kit';

const withGpApologies = { introductions: (r: Review) => attendeeValues(currentAttendeeRows(r, [...DEFAULT_ATTENDEES.filter((d) => !r.attendees.some((a) => a.name === d.name)), { name: 'Dr Gita GP', role: 'gp', organisation: 'Mill Surgery', attendance: 'apologies' }])) };

describe('an agency that sent apologies can send a written update', () => {
  const review = walkTo('updates', { forms: withGpApologies });

  it('the card asks for it after those present, and says it is optional and in writing', () => {
    const sections = (STEPS.updates as StepDefinition).form(review, { today: '2026-03-02', packChoices: [], defaultPackId: 'leicestershire' });
    expect(sections.map((s) => s.heading)).toEqual(["Chris Chair, Children's social care", 'Sam School, Oak Primary', 'Dr Gita GP, Mill Surgery (apologies)']);
    expect(sections[2]!.inputs[0]).toMatchObject({ inputId: 'updates.2.update', label: 'Written update, if they sent one' });
  });

  it('is recorded as sent in writing, and is not required', () => {
    const form = { 'updates.0.update': 'Visited twice', 'updates.1.update': 'No update', 'updates.2.update': ' Amy’s asthma review is booked ' };
    const updates = patchOf(parseStep('updates', form, review)).updates!;
    const gp = review.attendees.find((a) => a.name === 'Dr Gita GP')!;
    expect(updates.find((u) => u.attendeeKey === gp.key)).toEqual({ attendeeKey: gp.key, update: 'Amy’s asthma review is booked', notForFamily: false, inWriting: true });
    expect(updates.filter((u) => u.inWriting)).toHaveLength(1);
    const without = patchOf(parseStep('updates', { 'updates.0.update': 'a', 'updates.1.update': 'b' }, review)).updates!;
    expect(without.map((u) => u.attendeeKey)).not.toContain(gp.key);
  });

  it('the minutes say it was sent in writing', () => {
    const done = completeReview({
      forms: { ...withGpApologies, updates: () => ({ 'updates.0.update': 'a', 'updates.1.update': 'b', 'updates.2.update': 'M-GP-WRITTEN' }) },
    });
    const entry = minutesOf(done).find((s) => s.step === 'updates')!.entries.find((e) => e.value === 'M-GP-WRITTEN')!;
    expect(entry.label).toBe('Dr Gita GP (Mill Surgery), sent in writing');
    expect(stepSatisfied(done, 'updates')).toBe(true);
  });
});
