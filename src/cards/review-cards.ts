import { applicableSteps, progressOf, stepTitle } from '../domain/review/agenda';
import { chairCandidates } from '../domain/review/chair-hand-over';
import { londonDate, londonTimeAndDate } from '../domain/review/london-time';
import { minutesOf } from '../domain/review/minutes';
import { bookingAfterSignOff } from '../domain/review/next-booking';
import { Booking } from '../domain/booking/booking';
import { BookingCardOptions, bookingCard } from './booked-meeting-card';
import { Review, STEP_IDS } from '../domain/review/review';
import { ESCALATION_INSTRUCTIONS, outstandingSteps } from '../domain/review/review-machine';
import { FieldErrors, FormValues, NEW_ATTENDEE_FIELDS } from '../domain/review/step-forms';
import { DueItem } from '../domain/cases/case-compliance';
import { formatCalendarDate } from '../domain/timescales';
import { blankFields } from './card-fields';
import { elementsOf } from './card-inputs';
import { AdaptiveCardJson, CardTemplates } from './card-templates';
import { signOffConfirmationCard } from './sign-off-confirmation-card';
import { asPlainText } from './plain-text';
import { SectionContext, sectionsFor } from './step-sections';

export interface ChairCardOptions {
  /** What the chair typed, to show again when it was not accepted. */
  readonly typed?: FormValues;
  readonly errors?: FieldErrors;
  readonly notice?: string;
  readonly noticeColor?: 'Attention' | 'Good' | 'Default';
  /** Today's date in Europe/London, to pre-fill the meeting date. */
  readonly today: string;
}

const DUE_WORDS: Readonly<Record<DueItem['kind'], string>> = {
  'minutes-outstanding': 'minutes outstanding',
  'minutes-undelivered': 'minutes not delivered to everyone',
  'review-overdue': 'review overdue',
  'review-due': 'review due',
  checkpoint: 'drift checkpoint reached',
  'review-frequency-not-agreed': 'review frequency to be agreed',
};

/** The most urgent items a due card shows, so it stays one readable card. */
const DUE_SHOWN = 25;

const LIST_STEPS: Partial<Record<Review['currentStep'], string>> = {
  'set-up': 'Save and add another child',
  introductions: 'Save and add another attendee',
  plan: 'Save and add another action or statement',
};

/** What happens to signed-off minutes in this version: said wherever they are shown signed off. */
export const AFTER_SIGN_OFF = 'The minutes are being sent to everyone you ticked, each in the version they may see. This chat shows how many have been sent; open that message to see each delivery and to put right any that could not be made.';

/** Who the chair is being handed to, as the confirmation names them. */
export interface HandOverAsked {
  readonly attendeeKey: string;
  readonly name: string;
}

/** "Signed off by Sam at 10:32 on Tue 1 Dec 2026." (or cancelled), or '' while the review is open. */
export function finishedLine(review: Review): string {
  if (review.signOff) return `Signed off by ${asPlainText(review.signOff.by.name)} at ${londonTimeAndDate(review.signOff.at)}.`;
  if (review.cancelled) return `Cancelled by ${asPlainText(review.cancelled.by.name)} at ${londonTimeAndDate(review.cancelled.at)}.`;
  return '';
}

/** Builds every card the bot sends from a review: the view models live here, the layout in cards/. */
export class ReviewCards {
  constructor(
    private readonly templates: CardTemplates,
    private readonly packs: Omit<SectionContext, 'today'>,
  ) {}

  /** What the chair sees: the step in hand, or the minutes. */
  forChair(review: Review, options: ChairCardOptions): AdaptiveCardJson {
    if (review.status !== 'in-progress' || review.currentStep === 'minutes') return this.minutes(review, options);
    const step = review.currentStep;
    const errors = options.errors ?? {};
    // Errors of inputs inside a folded part of the card (add an attendee, hand over) go in the notice.
    const folded = Object.entries(errors).filter(([id]) => id.startsWith('newAttendee.') || id === 'handTo').map(([, m]) => m);
    const notice = [options.notice, ...folded].filter((m) => m !== undefined && m !== '').join(' ');
    return this.templates.render('step-form', {
      ...this.common(review, { ...options, notice }),
      step,
      title: stepTitle(review, step),
      intro: '',
      sections: sectionsFor(step, review, options.typed, errors, { ...this.packs, today: options.today }),
      continueTitle: 'Save and continue',
      addAnotherTitle: LIST_STEPS[step] ?? '',
      canGoBack: step !== 'set-up',
      findTimesTitle: step === 'next-meeting' && review.timescales?.nextReview ? 'Find times' : '',
      canAddAttendee: step !== 'set-up' && step !== 'introductions',
      newAttendeeElements: elementsOf(blankFields(NEW_ATTENDEE_FIELDS, 'newAttendee.', { attendance: 'present' })),
      // Only professionals of this chat in the review's tenant; the decision refuses anyone else.
      handOverChoices: chairCandidates(review).map((a) => ({ title: a.name, value: a.key })),
    });
  }

  minutes(review: Review, options: Omit<ChairCardOptions, 'typed' | 'errors'>): AdaptiveCardJson {
    const open = review.status === 'in-progress';
    const outstanding = outstandingSteps(review);
    const finished = finishedLine(review);
    // Signed off: say what happened and what happens next, every time the minutes are shown.
    const booked = bookingAfterSignOff(review, []);
    const afterSignOff = review.status === 'signed-off' ? [finished, AFTER_SIGN_OFF, booked].filter((x) => x !== '').join(' ') : '';
    return this.templates.render('minutes-draft', {
      ...this.common(review, { ...options, noticeColor: options.noticeColor ?? (afterSignOff ? 'Good' : 'Attention') }),
      title: open ? 'Draft minutes' : 'Minutes',
      sections: minutesOf(review),
      canAmend: open,
      canSignOff: open && outstanding.length === 0,
      canManageBooking: review.status === 'signed-off' && !!review.nextMeeting?.booking,
      signedOffText: finished,
      notice:
        options.notice ??
        (afterSignOff ||
          (open && outstanding.length > 0 ? `Still to complete before sign-off: ${outstanding.map((s) => stepTitle(review, s)).join(', ')}.` : '')),
    });
  }

  /** What everyone in the chat sees: progress, never content. The chair's client refreshes to their own view. */
  progress(review: Review, notice = ''): AdaptiveCardJson {
    const steps = applicableSteps(review);
    const statusText = review.status === 'in-progress' ? progressOf(review).label : finishedLine(review);
    const note =
      review.status === 'signed-off'
        ? 'The minutes are sent to each attendee in their own chat with the bot or by email, never here.'
        : review.status === 'cancelled'
          ? 'This review was cancelled: no minutes will be produced.'
          : 'What is written stays with the chair until the minutes are sent.';
    return this.templates.render('review-progress', {
      reviewId: review.id,
      heading: 'Child in Need review',
      chairName: review.chair.name,
      statusText,
      note,
      notice,
      agenda: STEP_IDS.map((s, i) => {
        const applies = steps.includes(s);
        const before = i < STEP_IDS.indexOf(review.currentStep) || review.status !== 'in-progress';
        const done = applies && (review.completedSteps.includes(s) || review.status === 'signed-off');
        const skipped = applies ? '' : before ? ' (not needed)' : ' (if needed)';
        return {
          mark: done ? '✓' : s === review.currentStep ? '▶' : applies ? '·' : '–',
          title: `${i + 1}. ${stepTitle(review, s)}${skipped}`,
        };
      }),
      chairUserIds: [review.chair.teamsUserId],
      open: review.status === 'in-progress',
    });
  }

  /** The chair's view of the next meeting's booking, to move or cancel it. */
  booking(review: Review, booking: Booking, options: BookingCardOptions = {}): AdaptiveCardJson {
    return bookingCard(this.templates, review, booking, options);
  }

  confirmCancel(review: Review): AdaptiveCardJson {
    return this.templates.render('confirm-cancel', { reviewId: review.id, version: review.version, chairName: review.chair.name });
  }

  /** The second press of a hand-over: nothing changes until the chair confirms. */
  confirmHandOver(review: Review, to: HandOverAsked): AdaptiveCardJson {
    const name = asPlainText(to.name);
    return this.templates.render('confirm-review-action', {
      reviewId: review.id,
      version: review.version,
      step: review.currentStep,
      handTo: to.attendeeKey,
      question: `Hand the chair to ${name}?`,
      detail: `Only ${name} can change the review after this.`,
      confirmTitle: 'Confirm',
      keepTitle: 'Keep chairing',
    });
  }

  /** The second press of sign-off: what it means and who will be sent what, before it is done. */
  confirmSignOff(review: Review, shown: { typed?: FormValues; errors?: FieldErrors } = {}): AdaptiveCardJson {
    return signOffConfirmationCard(review, shown);
  }

  /**
   * What the chat sees when `resume` finds only a signed-off review: one line, with a user-specific
   * view (`refresh.userIds`) that turns into the minutes for its chair alone; the button does the
   * same where a client does not refresh by itself.
   */
  lastMinutesForChair(review: Review): AdaptiveCardJson {
    const chair = asPlainText(review.chair.name);
    const when = review.signOff ? ` on ${londonDate(review.signOff.at)}` : '';
    return this.templates.render('minutes-private', {
      reviewId: review.id,
      chairUserIds: [review.chair.teamsUserId],
      chairName: review.chair.name,
      line: `The minutes of the last review here, signed off${when}: only ${chair} can see them.`,
    });
  }

  /** `status` (and `resume` of a cancelled review) when no review is open: what became of the last one. */
  lastReviewStatus(review: Review): string {
    if (review.signOff) {
      return `The last review here was signed off by ${asPlainText(review.signOff.by.name)} on ${londonDate(review.signOff.at)}. Type resume to see its minutes (chair only).`;
    }
    const by = review.cancelled ? ` by ${asPlainText(review.cancelled.by.name)} on ${londonDate(review.cancelled.at)}` : '';
    return `The last review here was cancelled${by}; no minutes were produced. Type "start review" to begin a new one.`;
  }

  /** The caller's cases with what is due, most urgent first. Case references only: no names. */
  due(items: readonly DueItem[], today: string, notice = ''): AdaptiveCardJson {
    const shown = items.slice(0, DUE_SHOWN);
    return this.templates.render('due-list', {
      heading: items.length === 0 ? 'Nothing due on your cases' : `Due on your cases (${items.length})`,
      today: `As of ${formatCalendarDate(today)}`,
      notice,
      more: items.length > shown.length ? `…and ${items.length - shown.length} less urgent, shown once these are dealt with.` : '',
      items: shown.map((i) => ({
        title: `${i.caseReference}: ${DUE_WORDS[i.kind]}`,
        when: i.daysOverdue > 0 ? `${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} overdue` : i.daysOverdue === 0 ? 'due today' : `due ${formatCalendarDate(i.due)}`,
        overdue: i.daysOverdue > 0,
        message: i.message,
        caseReference: i.caseReference,
        alertId: i.alertId ?? '',
        due: i.due,
      })),
    });
  }

  help(commands: ReadonlyArray<{ name: string; description: string }>, first = ''): AdaptiveCardJson {
    return this.templates.render('help', {
      intro: `${first === '' ? '' : `${first} `}I walk the chair through a Child in Need review, one step at a time, and draft the minutes. Type:`,
      commands,
    });
  }

  private common(review: Review, options: { notice?: string; noticeColor?: string }) {
    return {
      reviewId: review.id,
      version: review.version,
      progressLabel: review.status === 'in-progress' ? progressOf(review).label : 'Review finished',
      banner: review.outcome?.kind === 'escalate' && review.status === 'in-progress' ? ESCALATION_INSTRUCTIONS : '',
      notice: options.notice ?? '',
      noticeColor: options.noticeColor ?? 'Attention',
      chairUserIds: [review.chair.teamsUserId],
    };
  }
}
