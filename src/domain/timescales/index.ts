/**
 * Statutory timescales for CIN plans: each authority's policy pack, and a working-day engine.
 * Everything here is pure (dates in, answers out; `today` is passed in) except the two loaders
 * marked I/O, which read the shipped files once at start-up.
 */
export type { CalendarDate } from './calendar-date';
export { addDays, addMonths, calendarDateInLondon, daysBetween, formatCalendarDate, isCalendarDate } from './calendar-date';
export type { BankHolidayData, Division } from './bank-holiday-data';
export { DIVISIONS, parseBankHolidayData } from './bank-holiday-data';
export type { HolidaySource } from './working-day-calendar';
export { WorkingDayCalendar } from './working-day-calendar';
export type { CalendarDuration, CountingConvention, Duration, DurationUnit } from './duration';
export { describeDuration, endOfPeriod } from './duration';
export type { FileProblem } from './invalid-file';
export { InvalidFileError } from './invalid-file';
export type { LeadWorker, PackRole } from './pack-roles';
export { PACK_ROLES } from './pack-roles';
export type { ChairRule, DriftCheckpoint, MeetingWindowRule, MinutesRule, PolicyPack, SourceRef, Variation, Who } from './policy-pack-schema';
export { loadPolicyPack, policyPacksById, selectPolicyPack } from './load-policy-pack';
export type { Verdict } from './verdict';
export { TimescaleInputError } from './variations';
export type { Deadline, NoDeadline } from './deadline';
export { minutesDueDate } from './minutes-deadline';
export type { MeetingDue, ReviewHistory, ReviewWindow } from './review-window';
export { checkProposedDate, initialMeetingWindow, nextReviewWindow } from './review-window';
export type { ChairContext, ChairVerdict } from './chair-eligibility';
export { checkChairEligibility } from './chair-eligibility';
export type { PlanWeek, PlanWeekOptions, PlanWeekStatus, Trajectory } from './plan-week';
export { planWeek } from './plan-week';
export type { CaseFacts, DriftAlert, DriftAlertKind } from './drift-alerts';
export { driftAlerts } from './drift-alerts';
export { describeVisitFrequency, firstVisitDueDate, nextVisitDueDate } from './visit-frequency';

// I/O: read files, once, at start-up.
export { SHIPPED_BANK_HOLIDAYS_FILE, loadBankHolidaysFile } from './load-bank-holidays-file';
export { SHIPPED_PACKS_DIRECTORY, loadShippedPolicyPacks } from './load-policy-pack-files';
