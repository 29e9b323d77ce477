import type { UndeliveredMinutes } from '../domain/cases/minutes-undelivered';
import type { DeliveryChannel, DeliveryVersion } from '../domain/minutes-delivery';
import { NewEffect } from './outbox';

export type DeliveryStatus = 'queued' | 'sent' | 'failed' | 'needs-chair';

/** One recipient's copy of the signed-off minutes: how it goes, and how it went. */
export interface MinutesDelivery {
  /** `${reviewId}:minutes:${attendeeKey}:${version}`: also the idempotency key of what is sent. */
  readonly deliveryKey: string;
  readonly reviewId: string;
  readonly attendeeKey: string;
  /** The recipient's name, for the chair's delivery card. */
  readonly name: string;
  readonly channel: DeliveryChannel;
  readonly version: DeliveryVersion;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** What went wrong last, in plain words or a code; null when nothing did. */
  readonly lastError: string | null;
  readonly sentAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type NewDelivery = Pick<MinutesDelivery, 'deliveryKey' | 'reviewId' | 'attendeeKey' | 'name' | 'channel' | 'version'> & {
  /** 'queued' when an effect will send it; 'needs-chair' when nothing can until the chair acts. */
  readonly status: Extract<DeliveryStatus, 'queued' | 'needs-chair'>;
  /** For 'needs-chair': what the chair should do. */
  readonly reason?: string;
};

/** What one attempt came to: each counts as an attempt. */
export type DeliveryOutcome =
  | { readonly status: 'sent'; readonly channel: DeliveryChannel }
  /** Not yet: tried again later, on this channel (e.g. Teams refused, the email fallback is queued). */
  | { readonly status: 'queued'; readonly channel: DeliveryChannel; readonly error: string }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'needs-chair'; readonly error: string };

/** A signed-off review of a chair's whose minutes have not reached everyone: for `due`. */
export type UnsentMinutes = UndeliveredMinutes & { readonly reviewId: string };

/** The message in the meeting chat that reports the deliveries, and the line it shows. */
export interface ReportMessage {
  readonly activityId: string;
  readonly line: string;
}

/**
 * The delivery records of signed-off minutes: one per recipient, written with the effects that send
 * them in one transaction, then updated by those effects. A record once sent stays sent.
 */
export interface DeliveryStore {
  /**
   * Records the deliveries and queues their effects in one transaction. A delivery already recorded
   * (same key) and an effect already queued (same key) are left as they are: queueing twice is once.
   */
  queue(deliveries: readonly NewDelivery[], effects: readonly NewEffect[], now: string): Promise<void>;
  /**
   * Records an attempt, and queues `effects` with it in one transaction (the chair's report of how
   * the deliveries go). False, and nothing queued, when there is no such delivery or it was already sent.
   */
  record(deliveryKey: string, outcome: DeliveryOutcome, now: string, effects?: readonly NewEffect[]): Promise<boolean>;
  /** The meeting chat's one-line report of this review's deliveries, once posted: its message and line. */
  reportMessage(reviewId: string): Promise<ReportMessage | undefined>;
  recordReportMessage(reviewId: string, message: ReportMessage, now: string): Promise<void>;
  get(deliveryKey: string): Promise<MinutesDelivery | undefined>;
  /** The chair's signed-off reviews (by chair key, in the tenant) whose minutes have not reached everyone. */
  unsentOfChair(tenantId: string, chairKey: string): Promise<UnsentMinutes[]>;
  /** Every delivery of a review, in the order they were queued. */
  ofReview(reviewId: string): Promise<MinutesDelivery[]>;
}
