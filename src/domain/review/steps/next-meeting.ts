import { MEETING_MODES } from '../review';
import { labelOf } from '../review-labels';
import { parseWith } from '../step-forms/form-values';
import { choiceField, dateField, longText, objectOf, timeField } from './fields';
import { nextWindowNote } from './set-up';
import { CapturingStep, always, fact, input, minutesSection, section } from './step-definition';

const fields = {
  familyPreference: choiceField('familyPreference', 'The family would like it', MEETING_MODES, 'familyPreference', 'Ask the family: in person or on Teams?'),
  proposedDate: dateField('proposedDate', 'Proposed date', 'Propose a date for the next meeting'),
  proposedTime: timeField('proposedTime', 'Proposed time (optional)'),
  dateReason: longText('dateReason', 'Reason, if outside the window', { audience: 'professionals' }),
};
const nextMeetingFields = objectOf(fields);
const meta = { id: 'next-meeting', title: 'Next meeting' } as const;

/** There is no next meeting to plan after a closure. */
export const nextMeetingStep = {
  ...meta,
  applies: (review) => review.outcome?.kind !== 'close',
  covers: always,
  fields: Object.values(fields),
  parse(form, review) {
    const parsed = parseWith(nextMeetingFields, form);
    if (!parsed.ok) return parsed;
    const meetingDate = review.setUp?.meetingDate ?? '';
    if (parsed.value.proposedDate <= meetingDate) {
      return { ok: false, fieldErrors: { proposedDate: `The next meeting must be after this one (${meetingDate})` } };
    }
    // Whether the date is inside the window is judged with the case's timescales (see review-timescales).
    return { ok: true, patch: { nextMeeting: { ...parsed.value, dateVerdict: null, booking: null } } };
  },
  form(review) {
    const n = review.nextMeeting;
    return [
      section('Book the next meeting', [
        input(fields.familyPreference, n?.familyPreference),
        input(fields.proposedDate, n?.proposedDate),
        input(fields.proposedTime, n?.proposedTime),
        input(fields.dateReason, n?.dateReason),
      ], [nextWindowNote(review), 'The booking itself is made after sign-off.'].filter((x) => x !== '').join(' ')),
    ];
  },
  minutes(review) {
    const n = review.nextMeeting;
    return [
      minutesSection(meta, review, n ? [
        fact(fields.familyPreference, "Family's preference", labelOf('familyPreference', n.familyPreference)),
        fact(fields.proposedDate, 'Proposed date', `${n.proposedDate}${n.proposedTime ? ` at ${n.proposedTime}` : ''}`),
        n.dateVerdict !== null && !n.dateVerdict.ok && fact(fields.dateReason, 'Outside the window', n.dateVerdict.message),
        n.dateReason !== '' && fact(fields.dateReason, 'Reason recorded', n.dateReason),
      ] : []),
    ];
  },
} satisfies CapturingStep<'next-meeting'>;
