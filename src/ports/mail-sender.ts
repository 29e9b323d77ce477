export interface EmailAddress {
  readonly name: string;
  readonly address: string;
}

export interface EmailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** An RFC 5545 invitation carried by an email (METHOD:REQUEST or METHOD:CANCEL). */
export interface CalendarInvite {
  readonly method: 'REQUEST' | 'CANCEL';
  readonly ics: string;
}

export interface Email {
  /** The same key is the same email: sending it again never makes a second copy where the mail system can tell. */
  readonly idempotencyKey: string;
  readonly to: readonly EmailAddress[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly EmailAttachment[];
  readonly calendarInvite?: CalendarInvite;
}

/** Sends one email (Graph from a shared mailbox in production; `.eml` files in a folder by default). */
export interface MailSender {
  /** Resolves once the email is handed over; throws EffectFailure when it was not. */
  send(email: Email): Promise<{ readonly reference: string }>;
}
