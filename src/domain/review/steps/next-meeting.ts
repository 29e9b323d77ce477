import { z } from 'zod';
import { MEETING_MODES, NextMeeting } from '../review';
import { labelOf } from '../review-labels';
import { parseWith, rowsOf } from '../step-forms/form-values';
import { dateField, longText, objectOf, optionalChoiceField, timeField } from './fields';
import { parentsAndCarers } from './people';
import { addDays, addMonths } from '../../timescales/calendar-date';
import { nextWindowNote } from './set-up';
import { CapturingStep, fact, input, minutesSection, section } from './step-definition';

const fields = {
  familyPreference: optionalChoiceField('familyPreference', 'The family would like it', MEETING_MODES, 'familyPreference', 'Ask the family: in person or on Teams?'),
  proposedDate: dateField('proposedDate', 'Proposed date', 'Propose a date for the next meeting'),
  proposedTime: timeField('proposedTime', 'Proposed time (optional)'),
  dateReason: longText('dateReason', 'Reason, if outside the window', { audience: 'professionals' }),
};
const parentMode = optionalChoiceField('mode', 'Would like it (optional)', MEETING_MODES, 'familyPreference', 'Choose in person or on Teams');
const nextMeetingFields = objectOf(fields);
const parentRow = z.object({ mode: parentMode.schema });
const meta = { id: 'next-meeting', title: 'Next meeting' } as const;

/** There is no next meeting to plan after a closure. */
export const nextMeetingStep = {
  ...meta,
  applies: (review) => review.outcome?.kind !== 'close',
  covers: () => true,
  fields: [...Object.values(fields), parentMode],
  parse(form, review) {
    const parsed = parseWith(nextMeetingFields, form);
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.fieldErrors };
    const parents = parentsAndCarers(review);
    const rows = rowsOf(form, 'parentPreferences');
    const parentPreferences: Array<NextMeeting['parentPreferences'][number]> = [];
    parents.forEach((parent, i) => {
      const row = parseWith(parentRow, rows[i] ?? {}, `parentPreferences.${i}.`);
      if (!row.ok) Object.assign(errors, row.fieldErrors);
      else if (row.value.mode !== null) parentPreferences.push({ attendeeKey: parent.key, mode: row.value.mode });
    });
    if (!parsed.ok) return { ok: false, fieldErrors: errors };
    const everyParentSaid = parents.length > 0 && parentPreferences.length === parents.length;
    if (parsed.value.familyPreference === null && !everyParentSaid) {
      errors.familyPreference = parents.length > 0 ? 'Ask the family: in person or on Teams? (or ask each parent)' : 'Ask the family: in person or on Teams?';
    }
    const meetingDate = review.setUp?.meetingDate ?? '';
    if (parsed.value.proposedDate <= meetingDate) errors.proposedDate = `The next meeting must be after this one (${meetingDate})`;
    if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
    // Whether the date is inside the window is judged with the case's timescales (see review-timescales).
    return { ok: true, patch: { nextMeeting: { ...parsed.value, parentPreferences, dateVerdict: null, booking: null } } };
  },
  form(review) {
    const n = review.nextMeeting;
    const parents = parentsAndCarers(review);
    const meeting = review.setUp?.meetingDate;
    return [
      section('Book the next meeting', [
        input(fields.familyPreference, n?.familyPreference ?? ''),
        ...parents.map((p, i) =>
          input(parentMode, n?.parentPreferences.find((x) => x.attendeeKey === p.key)?.mode ?? '', { list: 'parentPreferences', index: i }, {
            label: `${p.name} would like it`,
          }),
        ),
        input(fields.proposedDate, n?.proposedDate, undefined, meeting ? { dateRange: { min: addDays(meeting, 1), max: addMonths(meeting, 12) } } : {}),
        input(fields.proposedTime, n?.proposedTime),
        input(fields.dateReason, n?.dateReason),
      ], [nextWindowNote(review), parents.length > 1 ? 'Where parents differ, record each one’s wish.' : '', 'The booking itself is made after sign-off.'].filter((x) => x !== '').join(' ')),
    ];
  },
  minutes(review) {
    const n = review.nextMeeting;
    const nameOf = (key: string) => review.attendees.find((a) => a.key === key)?.name ?? 'A parent';
    return [
      minutesSection(meta, review, n ? [
        n.familyPreference !== null && fact(fields.familyPreference, "Family's preference", labelOf('familyPreference', n.familyPreference)),
        ...n.parentPreferences.map((p) => fact(parentMode, `${nameOf(p.attendeeKey)} would like it`, labelOf('familyPreference', p.mode))),
        fact(fields.proposedDate, 'Proposed date', `${n.proposedDate}${n.proposedTime ? ` at ${n.proposedTime}` : ''}`),
        n.dateVerdict !== null && !n.dateVerdict.ok && fact(fields.dateReason, 'Outside the window', n.dateVerdict.message),
        n.dateReason !== '' && fact(fields.dateReason, 'Reason recorded', n.dateReason),
      ] : []),
    ];
  },
} satisfies CapturingStep<'next-meeting'>;
