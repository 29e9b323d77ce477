import { applicableSteps, progressOf, stepTitle } from '../domain/review/agenda';
import { minutesOf } from '../domain/review/minutes';
import { Review, STEP_IDS } from '../domain/review/review';
import { ESCALATION_INSTRUCTIONS, outstandingSteps } from '../domain/review/review-machine';
import { FieldErrors, FormValues, NEW_ATTENDEE_FIELDS } from '../domain/review/step-forms';
import { DueItem } from '../domain/cases/case-compliance';
import { formatCalendarDate } from '../domain/timescales';
import { blankFields } from './card-fields';
import { elementsOf } from './card-inputs';
import { AdaptiveCardJson, CardTemplates } from './card-templates';
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
      canAddAttendee: step !== 'set-up' && step !== 'introductions',
      newAttendeeElements: elementsOf(blankFields(NEW_ATTENDEE_FIELDS, 'newAttendee.', { attendance: 'present' })),
      handOverChoices: review.attendees
        .filter((a) => a.teams && a.teams.teamsUserId !== review.chair.teamsUserId)
        .map((a) => ({ title: a.name, value: a.key })),
    });
  }

  minutes(review: Review, options: Omit<ChairCardOptions, 'typed' | 'errors'>): AdaptiveCardJson {
    const open = review.status === 'in-progress';
    const outstanding = outstandingSteps(review);
    const signedOff = review.signOff ? `Signed off by ${review.signOff.by.name} at ${review.signOff.at}` : '';
    const cancelled = review.cancelled ? `Cancelled by ${review.cancelled.by.name} at ${review.cancelled.at}` : '';
    return this.templates.render('minutes-draft', {
      ...this.common(review, options),
      title: open ? 'Draft minutes' : 'Minutes',
      sections: minutesOf(review),
      canAmend: open,
      canSignOff: open && outstanding.length === 0,
      signedOffText: signedOff || cancelled,
      notice:
        options.notice ??
        (open && outstanding.length > 0
          ? `Still to complete before sign-off: ${outstanding.map((s) => stepTitle(review, s)).join(', ')}.`
          : ''),
    });
  }

  /** What everyone in the chat sees: progress, never content. The chair's client refreshes to their own view. */
  progress(review: Review, notice = ''): AdaptiveCardJson {
    const steps = applicableSteps(review);
    const statusText =
      review.status === 'signed-off'
        ? 'The minutes are signed off.'
        : review.status === 'cancelled'
          ? 'This review was cancelled.'
          : progressOf(review).label;
    return this.templates.render('review-progress', {
      reviewId: review.id,
      heading: 'Child in Need review',
      chairName: review.chair.name,
      statusText,
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

  confirmCancel(review: Review): AdaptiveCardJson {
    return this.templates.render('confirm-cancel', { reviewId: review.id, version: review.version, chairName: review.chair.name });
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

  help(commands: ReadonlyArray<{ name: string; description: string }>): AdaptiveCardJson {
    return this.templates.render('help', {
      intro: 'I walk the chair through a Child in Need review, one step at a time, and draft the minutes. Type:',
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
