/**
 * At most N requests in flight per mailbox. Outlook allows an app 4 concurrent requests per mailbox
 * and answers the fifth 429 "MailboxConcurrency"; waiting here is cheaper than being throttled.
 * One limiter is shared by every Graph adapter, since the calendar and the mail may touch the same mailbox.
 */
export class MailboxLimiter {
  private readonly mailboxes = new Map<string, { active: number; waiting: Array<() => void> }>();

  constructor(readonly perMailbox = 4) {
    if (!Number.isInteger(perMailbox) || perMailbox < 1) throw new RangeError('perMailbox must be a positive integer');
  }

  async run<T>(mailbox: string, work: () => Promise<T>): Promise<T> {
    const key = mailbox.toLowerCase();
    let slot = this.mailboxes.get(key);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.mailboxes.set(key, slot);
    }
    if (slot.active >= this.perMailbox) {
      await new Promise<void>((resolve) => slot!.waiting.push(resolve));
    } else {
      slot.active += 1;
    }
    try {
      return await work();
    } finally {
      const next = slot.waiting.shift();
      if (next) {
        next(); // the slot passes straight to the next waiter
      } else {
        slot.active -= 1;
        if (slot.active === 0) this.mailboxes.delete(key);
      }
    }
  }

  /** Requests in flight for a mailbox now (for tests and diagnostics). */
  inFlight(mailbox: string): number {
    return this.mailboxes.get(mailbox.toLowerCase())?.active ?? 0;
  }
}
