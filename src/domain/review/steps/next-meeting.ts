import { z } from 'zod';
import { MEETING_MODES, NextMeeting, Review, YES_NO } from '../review';
import { labelOf } from '../review-labels';
import { isOnline, meetingTimeInWords, offerNote, schoolAgeChildExpected, slotInWords } from '../next-booking';
import { isSensibleDate, parseWith, rowsOf } from '../step-forms/form-values';
import { customField, longText, objectOf, optionalChoiceField, shortText, timeField } from './fields';
import { parentsAndCarers } from './people';
import { addDays, addMonths } from '../../timescales/calendar-date';
import { nextWindowNote } from './set-up';
import { CapturingStep, fact, input, minutesSection, section } from './step-definition';

const fields = {
  familyPreference: optionalChoiceField('familyPreference', 'The family would like it', MEETING_MODES, 'familyPreference', 'Ask the family: in person or on Teams?'),
  schoolAgeChild: optionalChoiceField('schoolAgeChild', 'A child of school age (5 to 16) will attend', YES_NO, 'schoolAgeChild', 'Say whether a child of school age will attend'),
  // Its choices are the times found free (the review's slot offer); the value is the slot's start instant.
  slot: customField('slot', 'A time free for everyone', 'choice', z.string().trim().max(40).default(''), 40),
  proposedDate: customField('proposedDate', 'Or another date', 'date', z.string().trim().default('').refine((v) => v === '' || isSensibleDate(v), 'Enter a real date (for example 2026-12-01)'), 10),
  proposedTime: timeField('proposedTime', 'Time (needed to book it)'),
  venue: shortText('venue', 'Where, if in person'),
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
    const { slot: slotStart, schoolAgeChild, ...typed } = parsed.value;
    const when = chosenTime(review, slotStart, typed.proposedDate, typed.proposedTime);
    if ('error' in when) Object.assign(errors, when.error);
    const meetingDate = review.setUp?.meetingDate ?? '';
    if (!('error' in when) && when.proposedDate <= meetingDate) errors.proposedDate = `The next meeting must be after this one (${meetingDate})`;
    const online = isOnline({ familyPreference: typed.familyPreference, parentPreferences });
    const modeKnown = typed.familyPreference !== null || parentPreferences.length > 0;
    if (modeKnown && !online && typed.venue === '' && !('error' in when) && when.proposedTime !== '') {
      errors.venue = 'Say where it will be held: the invitation gives it';
    }
    if (Object.keys(errors).length > 0 || 'error' in when) return { ok: false, fieldErrors: errors };
    const next: NextMeeting = {
      ...typed,
      ...when,
      venue: online ? '' : typed.venue,
      schoolAgeChild: schoolAgeChild ?? (schoolAgeChildExpected(review) ? 'yes' : 'no'),
      parentPreferences,
      dateVerdict: null,
      booking: null,
    };
    // Whether the date is inside the window is judged with the case's timescales (see review-timescales).
    return { ok: true, patch: { nextMeeting: next } };
  },
  form(review) {
    const n = review.nextMeeting;
    const parents = parentsAndCarers(review);
    const meeting = review.setUp?.meetingDate;
    const offer = review.slotOffer;
    const picked = offer?.slots.find((x) => n && x.date === n.proposedDate && x.time === n.proposedTime);
    return [
      section('Book the next meeting', [
        input(fields.familyPreference, n?.familyPreference ?? ''),
        ...parents.map((p, i) =>
          input(parentMode, n?.parentPreferences.find((x) => x.attendeeKey === p.key)?.mode ?? '', { list: 'parentPreferences', index: i }, {
            label: `${p.name} would like it`,
          }),
        ),
        input(fields.schoolAgeChild, n?.schoolAgeChild ?? offerSchoolAge(review)),
        ...(offer && offer.slots.length > 0
          ? [input(fields.slot, picked?.start ?? '', undefined, { choices: offer.slots.map((x) => ({ title: slotInWords(x), value: x.start })) })]
          : []),
        input(fields.proposedDate, picked ? '' : n?.proposedDate, undefined, meeting ? { dateRange: { min: addDays(meeting, 1), max: addMonths(meeting, 12) } } : {}),
        input(fields.proposedTime, picked ? '' : n?.proposedTime),
        input(fields.venue, n?.venue),
        input(fields.dateReason, n?.dateReason),
      ], [
        nextWindowNote(review),
        offer ? offerNote(offer) : '',
        parents.length > 1 ? 'Where parents differ, record each one’s wish.' : '',
        'Pick a time offered, or type a date and time. The meeting is booked, and everyone with an email address invited, when the minutes are signed off. "Find times" looks again.',
      ].filter((x) => x !== '').join(' ')),
    ];
  },
  minutes(review) {
    const n = review.nextMeeting;
    const nameOf = (key: string) => review.attendees.find((a) => a.key === key)?.name ?? 'A parent';
    return [
      minutesSection(meta, review, n ? [
        n.familyPreference !== null && fact(fields.familyPreference, "Family's preference", labelOf('familyPreference', n.familyPreference)),
        ...n.parentPreferences.map((p) => fact(parentMode, `${nameOf(p.attendeeKey)} would like it`, labelOf('familyPreference', p.mode))),
        n.booking
          ? fact(fields.proposedDate, 'Booked for', `${meetingTimeInWords(n.booking.start, n.booking.end)}, ${n.booking.online ? 'on Microsoft Teams' : `in person at ${n.booking.location}`}`)
          : fact(fields.proposedDate, 'Proposed date', `${n.proposedDate}${n.proposedTime ? ` at ${n.proposedTime}` : ''}`),
        !n.booking && n.venue !== '' && fact(fields.venue, 'Where', n.venue),
        n.dateVerdict !== null && !n.dateVerdict.ok && fact(fields.dateReason, 'Outside the window', n.dateVerdict.message),
        n.dateReason !== '' && fact(fields.dateReason, 'Reason recorded', n.dateReason),
      ] : []),
    ];
  },
} satisfies CapturingStep<'next-meeting'>;

/** Yes or no as offered: what the times were found for, else whether a child attended this meeting. */
function offerSchoolAge(review: Review): string {
  if (review.slotOffer) return review.slotOffer.schoolAgeChild ? 'yes' : 'no';
  return schoolAgeChildExpected(review) ? 'yes' : 'no';
}

/**
 * The time chosen: a slot offered (by its start), or a date (and time) typed. Both at once must agree;
 * a slot not offered (a stale card) is refused rather than guessed.
 */
function chosenTime(review: Review, slotStart: string, date: string, time: string): { proposedDate: string; proposedTime: string } | { error: Record<string, string> } {
  if (slotStart !== '') {
    const slot = review.slotOffer?.slots.find((x) => x.start === slotStart);
    if (!slot) return { error: { slot: 'That time is no longer offered: pick one of those shown, or type a date and time' } };
    if (date !== '' && (date !== slot.date || (time !== '' && time !== slot.time))) {
      return { error: { slot: 'Pick a time offered or type another date and time, not both' } };
    }
    return { proposedDate: slot.date, proposedTime: slot.time };
  }
  if (date === '') return { error: { proposedDate: review.slotOffer?.slots.length ? 'Pick one of the times offered, or enter a date' : 'Propose a date for the next meeting' } };
  return { proposedDate: date, proposedTime: time };
}

/** The inputs "Find times" reads from the card: whether a school-age child will attend. */
export function typedSchoolAgeChild(form: Readonly<Record<string, string>>, review: Review): boolean {
  const parsed = fields.schoolAgeChild.schema.safeParse(form.schoolAgeChild ?? '');
  if (parsed.success && parsed.data !== null) return parsed.data === 'yes';
  return review.nextMeeting ? review.nextMeeting.schoolAgeChild === 'yes' : schoolAgeChildExpected(review);
}
