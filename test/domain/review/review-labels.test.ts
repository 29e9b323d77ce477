import { LABELS, choicesOf, labelOf } from '../../../src/domain/review/review-labels';
import {
  ACTION_STATUSES, ATTENDANCE, ATTENDEE_ROLES, CHAIR_ROLES, FEELS_SAFE, INTERPRETER, MEETING_MODES, MEETING_TYPES, OUTCOMES,
  SAFETY_PLAN_STATES, VOICE_SOURCES, YES_NO,
} from '../../../src/domain/review/review';

const CODES: Record<string, readonly string[]> = {
  meetingType: MEETING_TYPES, chairRole: CHAIR_ROLES, mode: MEETING_MODES, role: ATTENDEE_ROLES, attendance: ATTENDANCE,
  source: VOICE_SOURCES, seenAlone: YES_NO, interpreter: INTERPRETER, feelsSafe: FEELS_SAFE, status: ACTION_STATUSES,
  safetyPlan: SAFETY_PLAN_STATES, outcome: OUTCOMES, familyPreference: MEETING_MODES,
};

describe('labels', () => {
  it.each(Object.entries(CODES))('every %s code has exactly one label, and no label is left over', (kind, codes) => {
    expect(Object.keys(LABELS[kind] ?? {}).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(labelOf(kind, code)).not.toBe(code === 'yes' || code === 'no' ? '' : code);
  });

  it('falls back to the code itself for an unknown kind or code', () => {
    expect(labelOf('nope', 'x')).toBe('x');
    expect(labelOf('mode', 'hybrid')).toBe('hybrid');
  });

  it('offers choices in declaration order as title/value pairs', () => {
    expect(choicesOf('attendance')).toEqual([
      { title: 'Present', value: 'present' }, { title: 'Apologies', value: 'apologies' }, { title: 'Absent', value: 'absent' },
    ]);
    expect(choicesOf('nope')).toEqual([]);
  });
});
