import { DeliveryStore, NewDelivery } from '../../src/ports/delivery-store';
import { NewEffect, Outbox } from '../../src/ports/outbox';

export interface DeliveryStoreUnderTest {
  readonly deliveries: DeliveryStore;
  readonly outbox: Outbox;
  close(): Promise<void>;
}

const NOW = '2026-12-01T10:30:00.000Z';
const LATER = '2026-12-01T10:31:00.000Z';

function delivery(reviewId: string, attendeeKey: string, patch: Partial<NewDelivery> = {}): NewDelivery {
  return { deliveryKey: `${reviewId}:minutes:${attendeeKey}:family`, reviewId, attendeeKey, name: `Name ${attendeeKey}`, channel: 'email', version: 'family', status: 'queued', ...patch };
}

function effectFor(d: NewDelivery, patch: Partial<NewEffect> = {}): NewEffect {
  return { kind: `minutes.${d.channel}`, key: d.deliveryKey, reviewId: d.reviewId, conversationId: 'conv-1', payload: { deliveryKey: d.deliveryKey }, ...patch };
}

/** What every DeliveryStore must do, on real SQLite and real PostgreSQL. */
export function deliveryStoreContract(name: string, open: () => Promise<DeliveryStoreUnderTest>): void {
  describe(`${name} delivery store`, () => {
    let under: DeliveryStoreUnderTest;
    let store: DeliveryStore;
    beforeEach(async () => {
      under = await open();
      store = under.deliveries;
    });
    afterEach(() => under.close());

    it('records one delivery per recipient with its effect, in one transaction, in the order queued', async () => {
      const ds = [delivery('r1', 'b'), delivery('r1', 'a', { channel: 'teams', version: 'professionals', deliveryKey: 'r1:minutes:a:professionals' }), delivery('r1', 'c', { status: 'needs-chair', channel: 'needs-chair', reason: 'No email address for Dan Price: add one' })];
      await store.queue(ds, ds.filter((d) => d.status === 'queued').map((d) => effectFor(d)), NOW);
      const recorded = await store.ofReview('r1');
      expect(recorded.map((d) => d.attendeeKey)).toEqual(['b', 'a', 'c']);
      expect(recorded[1]).toEqual({
        deliveryKey: 'r1:minutes:a:professionals', reviewId: 'r1', attendeeKey: 'a', name: 'Name a', channel: 'teams', version: 'professionals',
        status: 'queued', attempts: 0, lastError: null, sentAt: null, createdAt: NOW, updatedAt: NOW,
      });
      expect(recorded[2]).toMatchObject({ status: 'needs-chair', lastError: 'No email address for Dan Price: add one' });
      const effects = await under.outbox.ofReview('r1');
      expect(effects.map((e) => [e.kind, e.key]).sort()).toEqual([['minutes.email', 'r1:minutes:b:family'], ['minutes.teams', 'r1:minutes:a:professionals']]);
      expect(await store.ofReview('r2')).toEqual([]);
    });

    it('queueing the same deliveries again (a second process, a retried sign-off) changes nothing', async () => {
      const d = delivery('r1', 'a');
      await store.queue([d], [effectFor(d)], NOW);
      await store.record(d.deliveryKey, { status: 'queued', channel: 'email', error: 'THROTTLED' }, NOW);
      await store.queue([{ ...d, name: 'Changed' }], [effectFor(d, { payload: { changed: true } })], LATER);
      await Promise.all([store.queue([d], [effectFor(d)], LATER), store.queue([d], [effectFor(d)], LATER)]);
      expect(await store.ofReview('r1')).toEqual([expect.objectContaining({ name: 'Name a', attempts: 1, lastError: 'THROTTLED', createdAt: NOW })]);
      expect(await under.outbox.ofReview('r1')).toEqual([expect.objectContaining({ payload: { deliveryKey: d.deliveryKey } })]);
    });

    it('records nothing when its effects cannot be queued: deliveries and effects go together or not at all', async () => {
      const d = delivery('r1', 'a');
      const unserialisable = effectFor(d, { payload: { n: BigInt(1) } as never });
      await expect(store.queue([d], [unserialisable], NOW)).rejects.toThrow();
      expect(await store.ofReview('r1')).toEqual([]);
      expect(await under.outbox.ofReview('r1')).toEqual([]);
    });

    it('counts each attempt, keeps the last error and the channel it moved to, and stamps the send', async () => {
      const d = delivery('r1', 'a', { channel: 'teams' });
      await store.queue([d], [], NOW);
      expect(await store.record(d.deliveryKey, { status: 'queued', channel: 'email', error: 'NOT_INSTALLED: the app is not installed for them' }, NOW)).toBe(true);
      expect(await store.get(d.deliveryKey)).toMatchObject({ status: 'queued', channel: 'email', attempts: 1, lastError: 'NOT_INSTALLED: the app is not installed for them', sentAt: null });
      expect(await store.record(d.deliveryKey, { status: 'sent', channel: 'email' }, LATER)).toBe(true);
      expect(await store.get(d.deliveryKey)).toMatchObject({ status: 'sent', channel: 'email', attempts: 2, lastError: null, sentAt: LATER, updatedAt: LATER });
    });

    it('a sent delivery stays sent: a late failure or second send does not change it', async () => {
      const d = delivery('r1', 'a');
      await store.queue([d], [], NOW);
      await store.record(d.deliveryKey, { status: 'sent', channel: 'email' }, NOW);
      expect(await store.record(d.deliveryKey, { status: 'failed', error: 'late' }, LATER)).toBe(false);
      expect(await store.record(d.deliveryKey, { status: 'sent', channel: 'email' }, LATER)).toBe(false);
      expect(await store.get(d.deliveryKey)).toMatchObject({ status: 'sent', attempts: 1, sentAt: NOW, lastError: null });
    });

    it('records a failure and a delivery that needs the chair; an unknown delivery is not recorded', async () => {
      const [a, b] = [delivery('r1', 'a'), delivery('r1', 'b')];
      await store.queue([a, b], [], NOW);
      await store.record(a.deliveryKey, { status: 'failed', error: 'MAIL_FOLDER_UNWRITABLE' }, LATER);
      await store.record(b.deliveryKey, { status: 'needs-chair', error: 'Pat Parent has no email address and is not in Teams: add an email' }, LATER);
      expect(await store.ofReview('r1')).toEqual([
        expect.objectContaining({ attendeeKey: 'a', status: 'failed', lastError: 'MAIL_FOLDER_UNWRITABLE', attempts: 1 }),
        expect.objectContaining({ attendeeKey: 'b', status: 'needs-chair', attempts: 1 }),
      ]);
      expect(await store.record('nobody', { status: 'failed', error: 'x' }, LATER)).toBe(false);
      expect(await store.get('nobody')).toBeUndefined();
    });

    it("keeps names and errors as given, whatever characters they hold", async () => {
      const d = delivery('r1', 'a', { name: "Zoë O'Brien ${x} '; DROP TABLE minutes_deliveries; --" });
      await store.queue([d], [], NOW);
      await store.record(d.deliveryKey, { status: 'failed', error: "it's “quoted” \\ and ünïcode" }, NOW);
      expect(await store.get(d.deliveryKey)).toMatchObject({ name: d.name, lastError: "it's “quoted” \\ and ünïcode" });
    });

    it('queues the report of an attempt with its record, and nothing when there was nothing to record', async () => {
      const d = delivery('r1', 'a');
      await store.queue([d], [], NOW);
      const report = (n: number): NewEffect => ({ kind: 'minutes.report', key: `r1:minutes:report:${n}`, reviewId: 'r1', conversationId: 'conv-1', payload: {} });
      expect(await store.record(d.deliveryKey, { status: 'sent', channel: 'email' }, NOW, [report(1)])).toBe(true);
      expect(await store.record(d.deliveryKey, { status: 'failed', error: 'late' }, LATER, [report(2)])).toBe(false);
      expect((await under.outbox.ofReview('r1')).map((e) => e.key)).toEqual(['r1:minutes:report:1']);
    });

    it('remembers the meeting chat’s report message of each review, the latest one written', async () => {
      expect(await store.reportMessage('r1')).toBeUndefined();
      await store.recordReportMessage('r1', { activityId: 'activity-1', line: 'Sending' }, NOW);
      await store.recordReportMessage('r2', { activityId: 'activity-2', line: 'Sent to 2 of 2' }, NOW);
      await store.recordReportMessage('r1', { activityId: 'activity-1', line: 'Sent to 1 of 2' }, LATER);
      expect(await store.reportMessage('r1')).toEqual({ activityId: 'activity-1', line: 'Sent to 1 of 2' });
      expect(await store.reportMessage('r2')).toEqual({ activityId: 'activity-2', line: 'Sent to 2 of 2' });
    });
  });
}
