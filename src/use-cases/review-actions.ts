import { randomUUID } from 'node:crypto';
import { carryForwardActions, caseReferences, newReview } from '../domain/review/new-review';
import { Review, StepId, TeamsPerson } from '../domain/review/review';
import { ReviewCommand, chairOnly, decide, isChair } from '../domain/review/review-machine';
import { FieldErrors, FormValues } from '../domain/review/step-forms';
import { ErrorCode } from '../errors/error-catalogue';
import { ReviewStore } from '../ports/review-store';
import { historyOf } from '../domain/cases/case-compliance';
import { assessTimescales, judgeProposedDate, missingReasons } from '../domain/review/review-timescales';
import { PolicyPack, WorkingDayCalendar } from '../domain/timescales';

export interface Conversation {
  readonly id: string;
  readonly tenantId: string;
}

/** A card press, after the edge has checked its shape. Who pressed it comes from Teams, not from here. */
export interface CardPress {
  readonly verb: CardVerb;
  readonly reviewId: string;
  readonly version?: number;
  readonly step?: StepId;
  readonly form: FormValues;
}

export const CARD_VERBS = [
  'review.refresh',
  'review.continue',
  'review.save',
  'review.back',
  'review.goto',
  'review.signOff',
  'review.handChair',
  'review.addAttendee',
  'review.cancel',
  'review.keep',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** What happened, in the review's terms; the Teams layer turns it into cards and messages. */
export type Outcome =
  | { readonly kind: 'changed'; readonly review: Review; readonly previous: Review; readonly typed?: FormValues }
  | { readonly kind: 'view'; readonly review: Review }
  | { readonly kind: 'invalid'; readonly review: Review; readonly typed: FormValues; readonly errors: FieldErrors }
  | { readonly kind: 'conflict'; readonly review: Review; readonly typed: FormValues }
  | { readonly kind: 'refused'; readonly review: Review; readonly code: ErrorCode; readonly message: string }
  | { readonly kind: 'duplicate'; readonly review: Review }
  | { readonly kind: 'no-review' };

export type StartOutcome =
  | { readonly kind: 'started'; readonly review: Review }
  | { readonly kind: 'already-open'; readonly review: Review }
  | { readonly kind: 'duplicate'; readonly review: Review | undefined };

function withoutNewAttendee(form: FormValues): FormValues {
  return Object.fromEntries(Object.entries(form).filter(([id]) => !id.startsWith('newAttendee.') && id !== 'handTo'));
}

/** The authorities' timescales the bot knows, and the working-day calendar they count with. */
export interface Timescales {
  readonly packs: ReadonlyMap<string, PolicyPack>;
  readonly defaultPackId: string;
  readonly calendar: WorkingDayCalendar;
}

/** The review's use cases, each a short story: load, decide, effect, save. */
export class ReviewActions {
  constructor(
    private readonly store: ReviewStore,
    private readonly timescales: Timescales,
  ) {}

  async start(
    conversation: Conversation,
    actor: TeamsPerson,
    activityKey: string,
    roster: () => Promise<TeamsPerson[]>,
    now: string,
  ): Promise<StartOutcome> {
    const appliedTo = await this.store.appliedBy(activityKey);
    if (appliedTo) return { kind: 'duplicate', review: await this.store.get(appliedTo) };
    const open = await this.store.findOpen(conversation.id);
    if (open) return { kind: 'already-open', review: open };
    const review = newReview({
      id: randomUUID(),
      conversationId: conversation.id,
      tenantId: conversation.tenantId,
      startedBy: actor,
      roster: await roster(),
      now,
    });
    const created = await this.store.create(review, activityKey);
    if (created === 'created') return { kind: 'started', review };
    if (created === 'duplicate') return { kind: 'duplicate', review: await this.store.findOpen(conversation.id) };
    const winner = await this.store.findOpen(conversation.id);
    return winner ? { kind: 'already-open', review: winner } : { kind: 'duplicate', review: undefined };
  }

  async current(conversation: Conversation): Promise<Review | undefined> {
    return this.store.findOpen(conversation.id);
  }

  async recordSharedCard(review: Review, activityId: string): Promise<void> {
    await this.store.recordSharedCard(review.id, activityId);
  }

  /** A press on a card: refresh, a step's answers, navigation, sign-off, hand-over or cancel. */
  async press(conversation: Conversation, actor: TeamsPerson, activityKey: string | null, press: CardPress, now: string): Promise<Outcome> {
    const review = await this.reviewPressedOn(conversation, press.reviewId);
    if (!review) return { kind: 'no-review' };
    if (press.verb === 'review.refresh' || press.verb === 'review.keep') return { kind: 'view', review };
    if (review.id !== press.reviewId) {
      return { kind: 'refused', review, code: 'STEP_NOT_CURRENT', message: 'That card belongs to an earlier review.' };
    }
    if (activityKey !== null && (await this.store.appliedBy(activityKey))) return { kind: 'duplicate', review };
    if (review.status === 'in-progress' && !isChair(review, actor)) {
      return { kind: 'refused', review, code: 'NOT_CHAIR', message: chairOnly(review) };
    }
    // Every change is made against the version the card showed; a card without one is treated as stale.
    if (press.version !== review.version) {
      return { kind: 'conflict', review, typed: press.form };
    }
    const answers = press.verb === 'review.continue' || press.verb === 'review.save';
    const command = this.commandFor(review, answers && press.step === 'set-up' ? await this.withCaseMemory(review, press) : press);
    if (!command.ok) return { kind: 'invalid', review, typed: press.form, errors: command.errors };
    const decision = decide(review, command.command, actor, now);
    if (!decision.ok) {
      if (decision.code === 'INVALID_INPUT') {
        return { kind: 'invalid', review, typed: press.form, errors: decision.fieldErrors ?? {} };
      }
      return { kind: 'refused', review, code: decision.code, message: decision.message };
    }
    let next = review.currentStep === 'set-up' ? await this.withCarriedForwardActions(decision.review) : decision.review;
    if (answers && (press.step === 'set-up' || press.step === 'next-meeting')) {
      const judged = await this.withTimescales(next, press.step, press.verb === 'review.continue');
      // Shown with the stored review, so the chair sees the timescales that need the reason.
      if (!judged.ok) return { kind: 'invalid', review: { ...review, ...judged.shown }, typed: press.form, errors: judged.errors };
      next = judged.review;
    }
    const saved = await this.store.save(next, review.version, activityKey);
    if (saved === 'saved') {
      // Adding someone mid-step keeps whatever the chair had typed on the step in hand.
      const typed = press.verb === 'review.addAttendee' ? withoutNewAttendee(press.form) : undefined;
      return { kind: 'changed', review: next, previous: review, ...(typed ? { typed } : {}) };
    }
    const fresh = (await this.store.get(review.id)) ?? review;
    return saved === 'conflict' ? { kind: 'conflict', review: fresh, typed: press.form } : { kind: 'duplicate', review: fresh };
  }

  /** The open review of this chat; or, for a finished one, the review the card names if it is this chat's. */
  private async reviewPressedOn(conversation: Conversation, reviewId: string): Promise<Review | undefined> {
    const open = await this.store.findOpen(conversation.id);
    if (open) return open;
    const named = await this.store.get(reviewId);
    return named && named.conversationId === conversation.id ? named : undefined;
  }

  private commandFor(review: Review, press: CardPress): { ok: true; command: ReviewCommand } | { ok: false; errors: FieldErrors } {
    const step = press.step ?? review.currentStep;
    switch (press.verb) {
      case 'review.continue':
        return { ok: true, command: { type: 'submit', step, form: press.form, intent: 'continue' } };
      case 'review.save':
        return { ok: true, command: { type: 'submit', step, form: press.form, intent: 'save' } };
      case 'review.back':
        return { ok: true, command: { type: 'back', step } };
      case 'review.goto':
        return { ok: true, command: { type: 'goto', step } };
      case 'review.signOff':
        return { ok: true, command: { type: 'sign-off' } };
      case 'review.cancel':
        return { ok: true, command: { type: 'cancel' } };
      case 'review.addAttendee':
        return { ok: true, command: { type: 'add-attendee', form: press.form } };
      case 'review.handChair': {
        // The new chair is looked up in the stored review: a card cannot name an arbitrary identity.
        const attendee = review.attendees.find((a) => a.key === press.form.handTo && a.teams);
        if (!attendee?.teams) return { ok: false, errors: { handTo: 'Choose someone from this chat to hand the chair to' } };
        return { ok: true, command: { type: 'hand-chair', to: attendee.teams } };
      }
      default:
        return { ok: true, command: { type: 'goto', step: review.currentStep } };
    }
  }

  /**
   * The case remembers its plan start, its pack and who leads it: at set-up, what the chair leaves
   * blank is filled from the case's last review, so a later review only needs the case reference.
   */
  private async withCaseMemory(review: Review, press: CardPress): Promise<CardPress> {
    const missing = (['planStartDate', 'policyPackId', 'leadWorker'] as const).filter((id) => !press.form[id]?.trim());
    if (missing.length === 0) return press;
    const refs = Object.entries(press.form)
      .filter(([id, value]) => /^children\.\d+\.caseReference$/.test(id) && value.trim() !== '')
      .map(([, value]) => value.trim());
    if (refs.length === 0) return press;
    const known = await this.store.caseSummaries({ tenantId: review.tenantId, caseReferences: refs });
    const remembered = known.sort((a, b) => b.previousReviews - a.previousReviews)[0];
    if (!remembered) return press;
    const from = { planStartDate: remembered.planStart, policyPackId: remembered.packId, leadWorker: remembered.leadWorker };
    return { ...press, form: { ...press.form, ...Object.fromEntries(missing.map((id) => [id, from[id]])) } };
  }

  /**
   * The case's timescales, judged afresh whenever set-up or the next meeting changes. Leaving the
   * step with a rule unmet needs the reason: it is asked for here and recorded with the decision.
   */
  private async withTimescales(
    review: Review,
    step: 'set-up' | 'next-meeting',
    leaving: boolean,
  ): Promise<{ ok: true; review: Review } | { ok: false; errors: FieldErrors; shown: Pick<Review, 'timescales'> }> {
    const setUp = review.setUp;
    if (!setUp) return { ok: true, review };
    const pack = this.timescales.packs.get(setUp.policyPackId);
    if (!pack) return { ok: false, errors: { policyPackId: 'Choose one of the authorities listed' }, shown: {} };
    const refs = caseReferences(review);
    const reviews = await this.store.caseReviews({ tenantId: review.tenantId, caseReferences: refs });
    const histories = refs.map((ref) => historyOf(reviews, ref, review.id));
    const history = histories.reduce((most, h) => (h.previousReviews > most.previousReviews ? h : most), histories[0] ?? { previousReviews: 0 });
    const timescales = assessTimescales(setUp, pack, this.timescales.calendar, history);
    const nextMeeting = review.nextMeeting && { ...review.nextMeeting, dateVerdict: judgeProposedDate(timescales, review.nextMeeting.proposedDate) };
    const judged: Review = { ...review, timescales, ...(nextMeeting ? { nextMeeting } : {}) };
    const missing = missingReasons(judged);
    const field = step === 'set-up' ? 'timescaleReason' : 'dateReason';
    if (leaving && missing[field]) return { ok: false, errors: { [field]: missing[field] }, shown: { timescales } };
    return { ok: true, review: judged };
  }

  /** When set-up names the case, actions not done at its last review come forward. */
  private async withCarriedForwardActions(review: Review): Promise<Review> {
    if (review.plan !== undefined || review.setUp === undefined) return review;
    for (const reference of caseReferences(review)) {
      const previous = await this.store.lastSignedOffForCase(review.tenantId, reference);
      if (previous?.plan) return carryForwardActions(review, previous);
    }
    return review;
  }
}
