import { BookedReviews, DueItem, dueItems } from '../domain/cases/case-compliance';
import { CaseSummary } from '../domain/cases/case-review';
import { BookingStore } from '../ports/booking-store';
import { chairKeyOf } from '../domain/cases/case-review';
import { TeamsPerson } from '../domain/review/review';
import { ErrorCode } from '../errors/error-catalogue';
import { undeliveredMinutesItems } from '../domain/cases/minutes-undelivered';
import { DeliveryStore } from '../ports/delivery-store';
import { ReviewStore } from '../ports/review-store';
import { Conversation, Timescales } from './review-actions';

/** Someone saying they acted on one of a case's drift alerts. The card names the alert; who is Teams'. */
export interface Acknowledgement {
  readonly caseReference: string;
  readonly alertId: string;
  readonly due: string;
}

export type AcknowledgeOutcome =
  | { readonly ok: true; readonly items: DueItem[] }
  | { readonly ok: false; readonly code: ErrorCode; readonly items: DueItem[] };

/** What is due on a chair's cases, and recording that someone acted on an alert. */
export class CaseAlerts {
  constructor(
    private readonly store: ReviewStore,
    private readonly timescales: Timescales,
    private readonly deliveries?: Pick<DeliveryStore, 'unsentOfChair'>,
    /** The bookings made of next reviews: `due` says when one is booked. */
    private readonly bookings?: Pick<BookingStore, 'upcomingOfCases'>,
  ) {}

  /**
   * The caller's cases (those whose latest meeting they chaired), what is due or overdue, and the
   * minutes they signed off that have not reached everyone, most urgent first.
   */
  async due(conversation: Conversation, actor: TeamsPerson, today: string): Promise<DueItem[]> {
    const [mine, unsent] = await Promise.all([
      this.store.caseSummaries({ tenantId: conversation.tenantId, chairKey: chairKeyOf(actor) }),
      this.deliveries ? this.deliveries.unsentOfChair(conversation.tenantId, chairKeyOf(actor)) : Promise.resolve([]),
    ]);
    const items = [...dueItems(mine, this.timescales.packs, this.timescales.calendar, today, await this.bookedOf(mine, today)), ...undeliveredMinutesItems(unsent, today)];
    return items.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  }

  /** The soonest upcoming booking of each case, from the start of today. */
  private async bookedOf(cases: readonly CaseSummary[], today: string): Promise<BookedReviews> {
    const booked = new Map<string, { start: string; end: string }>();
    const [first] = cases;
    if (!this.bookings || !first) return booked;
    // One query for all the chair's cases (of one tenant); soonest first, so each case keeps its soonest.
    const refs = new Set(cases.map((c) => c.caseReference));
    for (const b of await this.bookings.upcomingOfCases(first.tenantId, [...refs], `${today}T00:00:00.000Z`)) {
      for (const ref of b.caseReferences) if (refs.has(ref) && !booked.has(ref)) booked.set(ref, { start: b.start, end: b.end });
    }
    return booked;
  }

  /** Only the chair of the case's latest meeting records it, and only for an alert due now. */
  async acknowledge(conversation: Conversation, actor: TeamsPerson, ack: Acknowledgement, now: string, today: string): Promise<AcknowledgeOutcome> {
    const [summary] = await this.store.caseSummaries({ tenantId: conversation.tenantId, caseReferences: [ack.caseReference] });
    if (!summary || summary.chairKey !== chairKeyOf(actor)) {
      return { ok: false, code: 'ALERT_NOT_YOURS', items: await this.due(conversation, actor, today) };
    }
    const current = dueItems([summary], this.timescales.packs, this.timescales.calendar, today);
    if (!current.some((i) => i.alertId === ack.alertId && i.due === ack.due)) {
      return { ok: false, code: 'ALERT_NOT_DUE', items: await this.due(conversation, actor, today) };
    }
    await this.store.acknowledgeAlert(conversation.tenantId, ack.caseReference, { id: ack.alertId, due: ack.due }, actor, now);
    return { ok: true, items: await this.due(conversation, actor, today) };
  }
}
