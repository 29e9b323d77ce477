/**
 * Booking the next review, the pure part: finding free slots in the review window, and reading a
 * `book review` command typed to the bot. No I/O; `now` is passed in.
 */
export type { Slot, SlotRules, SlotSearchInput } from './slot-search';
export { DEFAULT_SLOT_RULES, describeSlot, findSlots, slotRulesSchema } from './slot-search';
export type { BookingCommand, BookingQuestion, TypedBooking } from './typed-booking';
export { caseReferenceSchema, isBookingCommand, parseTypedBooking, typedBookingSchema } from './typed-booking';
export type { MeetingMode } from './booking-grammar';
export { BOOKING_GRAMMAR } from './booking-grammar';
export type { BookNextInput, Booking, BookingDecision, BookingEffectKind, BookingPerson, BookingRefusal } from './booking';
export {
  BOOKING_CANCEL,
  BOOKING_CREATE,
  BOOKING_UPDATE,
  bookingDescription,
  bookingEffectKey,
  bookingKeyOf,
  bookingSchema,
  bookingSubject,
  bookNext,
  cancel,
  isSuperseded,
  move,
  withCalendarAnswer,
} from './booking';
