import { minutesOf } from '../../../../src/domain/review/minutes';
import { progressOf, stepTitle } from '../../../../src/domain/review/agenda';
import { completeReview, setUpValues, walkTo } from '../review-builder';

const at = (meetingType: string, mode: string) => walkTo('explanations', { forms: { 'set-up': () => setUpValues({ meetingType, mode }) } });
const done = (meetingType: string, mode: string, explanations: Record<string, string>) =>
  completeReview({ forms: { 'set-up': () => setUpValues({ meetingType, mode }), explanations: () => explanations } });

describe('the role, Family Help model and cameras step titles and records only what applies', () => {
  it.each([
    ['initial', 'online', 'Role, Family Help model and cameras'],
    ['initial', 'in-person', 'Role and Family Help model'],
    ['progress', 'online', 'Cameras on'],
    ['final', 'online', 'Cameras on'],
  ])('a %s meeting held %s: "%s"', (meetingType, mode, title) => {
    const review = at(meetingType, mode);
    expect(stepTitle(review, 'explanations')).toBe(title);
    expect(progressOf(review).title).toBe(title);
  });

  it('a progress meeting online: the minutes say the cameras were asked for, and nothing of an explanation that did not apply', () => {
    const review = done('progress', 'online', { camerasOnAsked: 'true' });
    const section = minutesOf(review).find((s) => s.step === 'explanations')!;
    expect(section.title).toBe('Cameras on');
    expect(section.entries.map((e) => [e.label, e.value])).toEqual([['Professionals asked to have cameras on', 'Yes']]);
  });

  it('an initial meeting in person: only the explanation, never "cameras: No"', () => {
    const review = done('initial', 'in-person', { roleAndModelExplained: 'true' });
    const section = minutesOf(review).find((s) => s.step === 'explanations')!;
    expect(section.entries.map((e) => [e.label, e.value])).toEqual([['Role and Family Help model explained', 'Yes']]);
  });

  it('an initial meeting online: both', () => {
    const review = done('initial', 'online', { roleAndModelExplained: 'true', camerasOnAsked: 'true' });
    expect(minutesOf(review).find((s) => s.step === 'explanations')!.entries.map((e) => e.label)).toEqual([
      'Role and Family Help model explained', 'Professionals asked to have cameras on',
    ]);
  });
});
