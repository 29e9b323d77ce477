import { randomUUID } from 'node:crypto';
import { DecisionContext } from '../domain/review/case-knowledge';
import { caseReferences, newReview } from '../domain/review/new-review';
import { Review, StepId, TeamsPerson } from '../domain/review/review';
import { Decision, ReviewCommand, casesNeededFor, chairOnly, decide, isChair, reachable } from '../domain/review/review-machine';
import { FieldErrors, FormValues } from '../domain/review/step-forms';
import { PolicyPack, WorkingDayCalendar } from '../domain/timescales';
import { ErrorCode } from '../errors/error-catalogue';
import { BookingRules } from '../domain/review/next-booking';
import { typedSchoolAgeChild } from '../domain/review/steps/next-meeting';
import { BookingStore } from '../ports/booking-store';
import { ReviewStore } from '../ports/review-store';
import { FreeSlots } from './free-slots';
import { bookedStartOf, slotOfferFor } from './next-meeting-offer';
import { effectsOf } from './review-effects';

export interface Conversation {
  readonly id: string;
  readonly tenantId: string;
}

/** A card press on a review, after the edge has checked its shape. Who pressed it comes from Teams, not from here. */
export interface CardPress {
  readonly verb: ReviewVerb;
  readonly reviewId: string;
  readonly version?: number;
  readonly step?: StepId;
  readonly form: FormValues;
}

export const REVIEW_VERBS = [
  'review.refresh',
  'review.continue',
  'review.save',
  'review.back',
  'review.goto',
  'review.signOff',
  'review.confirmSignOff',
  'review.handChair',
  'review.confirmHandChair',
  'review.addAttendee',
  'review.cancel',
  'review.keep',
  'review.findTimes',
] as const;
export type ReviewVerb = (typeof REVIEW_VERBS)[number];

/** A change that takes effect only on a second press: what the chair is asked to confirm. */
export type Confirmation =
  | { readonly kind: 'hand-chair'; readonly attendeeKey: string; readonly name: string }
  | { readonly kind: 'sign-off' };

/** The first press of these only asks; their confirming verb makes the change. */
const ASKS_FIRST: Partial<Record<ReviewVerb, true>> = { 'review.handChair': true, 'review.signOff': true };

/** What a press came to, in the review's terms; the Teams layer turns it into a card. */
export type PressResult =
  | { readonly kind: 'changed'; readonly review: Review; readonly previous: Review; readonly typed?: FormValues }
  | { readonly kind: 'confirm'; readonly review: Review; readonly asks: Confirmation; readonly typed?: FormValues; readonly errors?: FieldErrors }
  | { readonly kind: 'view'; readonly review: Review }
  | { readonly kind: 'invalid'; readonly review: Review; readonly typed: FormValues; readonly errors: FieldErrors }
  | { readonly kind: 'conflict'; readonly review: Review; readonly typed: FormValues }
  | { readonly kind: 'refused'; readonly review: Review; readonly code: ErrorCode; readonly message: string }
  | { readonly kind: 'duplicate'; readonly review: Review }
  | { readonly kind: 'no-review' };

export type StartResult =
  | { readonly kind: 'started'; readonly review: Review }
  | { readonly kind: 'already-open'; readonly review: Review }
  | { readonly kind: 'duplicate'; readonly review: Review | undefined };

/** The authorities' timescales the bot knows, and the working-day calendar they count with. */
export interface Timescales {
  readonly packs: ReadonlyMap<string, PolicyPack>;
  readonly defaultPackId: string;
  readonly calendar: WorkingDayCalendar;
}

/** The review's use cases, each a short story: load, decide, save; the outbox does the rest. */
/** Booking the next review: finding times at its step, the rules sign-off books by, and the bookings made. */
export interface NextMeetingBooking {
  readonly freeSlots: Pick<FreeSlots, 'offer'>;
  readonly rules: BookingRules;
  readonly bookings: Pick<BookingStore, 'upcomingOfCases'>;
}

export class ReviewActions {
  constructor(
    private readonly store: ReviewStore,
    private readonly timescales: Timescales,
    /** Told when a save queued effects, so the dispatcher need not wait for its next poll. */
    private readonly effectsQueued: () => void = () => undefined,
    /** Without it, no times are offered and sign-off books nothing. */
    private readonly booking?: NextMeetingBooking,
  ) {}

  async start(conversation: Conversation, actor: TeamsPerson, activityKey: string, roster: () => Promise<TeamsPerson[]>, now: string): Promise<StartResult> {
    const appliedTo = await this.store.appliedBy(activityKey);
    if (appliedTo) return { kind: 'duplicate', review: await this.store.get(appliedTo) };
    const open = await this.store.findOpen(conversation.id);
    if (open) return { kind: 'already-open', review: open };
    const fresh = newReview({ id: randomUUID(), conversationId: conversation.id, tenantId: conversation.tenantId, startedBy: actor, roster: await roster(), now });
    // The review booked at the last one here starts from its booking: the date, how it is held, the cases.
    const booked = this.booking ? await bookedStartOf(this.booking.bookings, await this.store.latestFinished(conversation.id), now) : undefined;
    const review = booked ? { ...fresh, bookedAs: booked } : fresh;
    const created = await this.store.create(review, activityKey);
    if (created === 'created') return { kind: 'started', review };
    const winner = await this.store.findOpen(conversation.id);
    if (created === 'duplicate') return { kind: 'duplicate', review: winner };
    return winner ? { kind: 'already-open', review: winner } : { kind: 'duplicate', review: undefined };
  }

  async current(conversation: Conversation): Promise<Review | undefined> {
    return this.store.findOpen(conversation.id);
  }

  /** The review of this chat that finished last (signed off or cancelled), for `status` and `resume` once none is open. */
  async lastFinished(conversation: Conversation): Promise<Review | undefined> {
    return this.store.latestFinished(conversation.id);
  }

  async recordSharedCard(review: Review, activityId: string): Promise<void> {
    await this.store.recordSharedCard(review.id, activityId);
  }

  /** A press on a card: load the review, check who and which version, decide, save with its effects. */
  async press(conversation: Conversation, actor: TeamsPerson, activityKey: string | null, press: CardPress, now: string): Promise<PressResult> {
    const review = await this.reviewPressedOn(conversation, press);
    if (!review) return { kind: 'no-review' };
    const refusal = await this.checkPress(review, actor, activityKey, press, now);
    if (refusal) return refusal;
    const command = await this.commandFor(review, press, now);
    if ('errors' in command) return { kind: 'invalid', review, typed: press.form, errors: command.errors };
    const decision = decide(review, command, actor, now, await this.contextFor(review, command));
    // A choice on the sign-off confirmation to correct: the confirmation again, with what was typed.
    if (!decision.ok && decision.code === 'INVALID_INPUT' && press.verb === 'review.confirmSignOff') {
      return { kind: 'confirm', review, asks: { kind: 'sign-off' }, typed: press.form, errors: decision.fieldErrors ?? {} };
    }
    if (!decision.ok) return refusedBy(decision, review, press.form);
    // Decided, so the chair is asked only what would be accepted; nothing is saved until they confirm.
    if (ASKS_FIRST[press.verb]) return { kind: 'confirm', review, asks: confirmationOf(command, press) };
    const decided = await this.arrivingAtNextMeeting(review, decision.review, now);
    const saved = await this.store.save(decided, review.version, activityKey, effectsOf(decided, decision.events));
    if (saved === 'saved') {
      this.effectsQueued();
      // Adding someone mid-step (or finding times) keeps whatever the chair had typed on the step in hand.
      const typed = press.verb === 'review.addAttendee' || press.verb === 'review.findTimes' ? withoutFoldedInputs(press.form) : undefined;
      return { kind: 'changed', review: decided, previous: review, ...(typed ? { typed } : {}) };
    }
    const fresh = (await this.store.get(review.id)) ?? review;
    return saved === 'conflict' ? this.conflict(fresh, actor, activityKey, press, now) : { kind: 'duplicate', review: fresh };
  }

  /** Refresh and keep only show; otherwise: this chat's current review, not redelivered, the chair, the version shown. */
  private async checkPress(review: Review, actor: TeamsPerson, activityKey: string | null, press: CardPress, now: string): Promise<PressResult | undefined> {
    if (press.verb === 'review.refresh' || press.verb === 'review.keep') return { kind: 'view', review };
    if (review.id !== press.reviewId) return { kind: 'refused', review, code: 'STEP_NOT_CURRENT', message: 'That card belongs to an earlier review.' };
    if (activityKey !== null && (await this.store.appliedBy(activityKey))) return { kind: 'duplicate', review };
    if (review.status === 'in-progress' && !isChair(review, actor)) return { kind: 'refused', review, code: 'NOT_CHAIR', message: chairOnly(review) };
    // Every change is made against the version the card showed; a card without one is treated as stale.
    if (press.version !== review.version) return this.conflict(review, actor, activityKey, press, now);
    return undefined;
  }

  /**
   * A press made against an older version (a race lost, a second device, a stale card): nothing is
   * saved, and the chair gets the step they pressed on back, with what they typed, on the current version.
   */
  private async conflict(review: Review, actor: TeamsPerson, activityKey: string | null, press: CardPress, now: string): Promise<PressResult> {
    const answered = press.verb === 'review.continue' || press.verb === 'review.save';
    const step = press.step;
    if (!answered || step === undefined || step === review.currentStep || review.status !== 'in-progress' || !reachable(review).includes(step)) {
      return { kind: 'conflict', review, typed: press.form };
    }
    const back = decide(review, { type: 'goto', step }, actor, now);
    if (!back.ok) return { kind: 'conflict', review, typed: press.form };
    const saved = await this.store.save(back.review, review.version, activityKey, effectsOf(back.review, back.events));
    if (saved === 'saved') this.effectsQueued();
    return { kind: 'conflict', review: saved === 'saved' ? back.review : ((await this.store.get(review.id)) ?? review), typed: press.form };
  }

  /**
   * The open review of this chat; or, for a finished one, the review the card names if it is this
   * chat's. A refresh of a finished review's card (its minutes, shown to its chair) shows that review
   * even once another has started.
   */
  private async reviewPressedOn(conversation: Conversation, press: CardPress): Promise<Review | undefined> {
    const named = press.verb === 'review.refresh' ? await this.store.get(press.reviewId) : undefined;
    if (named && named.status !== 'in-progress' && named.conversationId === conversation.id) return named;
    const open = await this.store.findOpen(conversation.id);
    if (open) return open;
    const pressed = named ?? (await this.store.get(press.reviewId));
    return pressed && pressed.conversationId === conversation.id ? pressed : undefined;
  }

  /** The command a press asks for; finding times and signing off need the booking's side of it. */
  private async commandFor(review: Review, press: CardPress, now: string): Promise<ReviewCommand | { errors: FieldErrors }> {
    if (press.verb === 'review.findTimes') {
      if (review.currentStep !== 'next-meeting' || !this.booking) return { type: 'goto', step: review.currentStep };
      const offer = await slotOfferFor(this.booking, review, typedSchoolAgeChild(press.form, review), now);
      return offer ? { type: 'offer-times', offer } : { type: 'goto', step: review.currentStep };
    }
    const command = commandFor(review, press);
    if ('type' in command && command.type === 'sign-off' && this.booking) return { ...command, booking: this.booking.rules };
    return command;
  }

  /** Arriving at the next-meeting step, the times free for everyone are found, so the chair can pick one. */
  private async arrivingAtNextMeeting(before: Review, after: Review, now: string): Promise<Review> {
    if (!this.booking || after.currentStep !== 'next-meeting' || before.currentStep === 'next-meeting' || after.status !== 'in-progress') return after;
    const schoolAge = after.nextMeeting ? after.nextMeeting.schoolAgeChild === 'yes' : undefined;
    const offer = await slotOfferFor(this.booking, after, schoolAge, now);
    return offer ? { ...after, slotOffer: offer } : after;
  }

  /** What the decision needs to know of the cases it names; nothing is read when it needs nothing. */
  private async contextFor(review: Review, command: ReviewCommand): Promise<DecisionContext> {
    const refs = casesNeededFor(review, command);
    const base = { packs: this.timescales.packs, calendar: this.timescales.calendar };
    if (refs.length === 0) return { ...base, pastReviews: [], remembered: [] };
    const [pastReviews, remembered] = await Promise.all([
      this.store.caseReviews({ tenantId: review.tenantId, caseReferences: refs }),
      this.store.caseSummaries({ tenantId: review.tenantId, caseReferences: refs }),
    ]);
    const lastSignedOff = review.plan === undefined && command.type === 'submit' && command.step === 'set-up' ? await this.lastSignedOff(review, refs) : undefined;
    return { ...base, pastReviews, remembered, ...(lastSignedOff ? { lastSignedOff } : {}) };
  }

  private async lastSignedOff(review: Review, refs: readonly string[]): Promise<Review | undefined> {
    const own = new Set(caseReferences(review));
    for (const ref of [...refs].sort((a, b) => Number(own.has(b)) - Number(own.has(a)))) {
      const previous = await this.store.lastSignedOffForCase(review.tenantId, ref);
      if (previous?.plan) return previous;
    }
    return undefined;
  }
}

function commandFor(review: Review, press: CardPress): ReviewCommand | { errors: FieldErrors } {
  const step = press.step ?? review.currentStep;
  switch (press.verb) {
    case 'review.continue':
      return { type: 'submit', step, form: press.form, intent: 'continue' };
    case 'review.save':
      return { type: 'submit', step, form: press.form, intent: 'save' };
    case 'review.back':
      return { type: 'back', step };
    case 'review.goto':
      return { type: 'goto', step };
    case 'review.signOff':
      return { type: 'sign-off' };
    case 'review.confirmSignOff':
      return { type: 'sign-off', choices: press.form };
    case 'review.cancel':
      return { type: 'cancel' };
    case 'review.addAttendee':
      return { type: 'add-attendee', form: press.form };
    case 'review.handChair':
    case 'review.confirmHandChair': {
      // The new chair is looked up in the stored review: a card cannot name an arbitrary identity.
      const attendee = review.attendees.find((a) => a.key === press.form.handTo && a.teams);
      if (!attendee?.teams) return { errors: { handTo: 'Choose someone from this chat to hand the chair to' } };
      return { type: 'hand-chair', to: attendee.teams };
    }
    default:
      return { type: 'goto', step: review.currentStep };
  }
}

function confirmationOf(command: ReviewCommand, press: CardPress): Confirmation {
  return command.type === 'hand-chair' ? { kind: 'hand-chair', attendeeKey: press.form.handTo ?? '', name: command.to.name } : { kind: 'sign-off' };
}

function refusedBy(decision: Extract<Decision, { ok: false }>, review: Review, typed: FormValues): PressResult {
  if (decision.code === 'INVALID_INPUT') return { kind: 'invalid', review: decision.shown ?? review, typed, errors: decision.fieldErrors ?? {} };
  return { kind: 'refused', review, code: decision.code, message: decision.message };
}

function withoutFoldedInputs(form: FormValues): FormValues {
  return Object.fromEntries(Object.entries(form).filter(([id]) => !id.startsWith('newAttendee.') && id !== 'handTo'));
}
