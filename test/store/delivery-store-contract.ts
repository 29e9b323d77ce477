import { DeliveryStore, NewDelivery } from '../../src/ports/delivery-store';
import { Kysely } from 'kysely';
import { NewEffect, Outbox } from '../../src/ports/outbox';
import { ReviewDatabase } from '../../src/store/review-database';

export interface DeliveryStoreUnderTest {
  readonly deliveries: DeliveryStore;
  readonly outbox: Outbox;
  close(): Promise<void>;
  /** Writes a review's row of the case index, as the review store does at sign-off. */
  indexCase(row: IndexedCase): Promise<void>;
}

export interface IndexedCase {
  readonly reviewId: string;
  readonly tenantId: string;
  readonly caseReference: string;
  readonly chairKey: string;
  readonly meetingDate: string;
  readonly minutesDue: string;
}

export async function indexCase(db: Kysely<ReviewDatabase>, row: IndexedCase): Promise<void> {
  // The index row belongs to a stored review (a foreign key): a bare one stands in for it.
  await db
    .insertInto('reviews')
    .values({ id: row.reviewId, conversation_id: 'conv-1', tenant_id: row.tenantId, status: 'signed-off', version: 1, updated_at: NOW, signed_off_at: NOW, shared_card_activity_id: null, case_facts: null, doc: '{}' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('review_cases')
    .values({
      review_id: row.reviewId, tenant_id: row.tenantId, case_reference: row.caseReference, status: 'signed-off', meeting_date: row.meetingDate, meeting_type: 'review',
      pack_id: 'leicestershire', plan_start: row.meetingDate, lead_worker: 'SW', chair_key: row.chairKey, minutes_due: row.minutesDue, outcome: 'continue',
    })
    .execute();
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

    it("finds a chair's signed-off minutes not delivered to everyone, in their tenant, with its cases and counts", async () => {
      for (const [reviewId, chairKey, tenantId] of [['r1', 'chair-a', 't1'], ['r2', 'chair-a', 't1'], ['r3', 'chair-b', 't1'], ['r4', 'chair-a', 't2']] as const) {
        for (const caseReference of reviewId === 'r1' ? ['CIN-1', 'CIN-2'] : [`CIN-${reviewId}`]) {
          await under.indexCase({ reviewId, tenantId, chairKey, caseReference, meetingDate: '2026-11-24', minutesDue: '2026-12-01' });
        }
        await store.queue([delivery(reviewId, 'a'), delivery(reviewId, 'b'), delivery(reviewId, 'c', { status: 'needs-chair', reason: 'No email' })], [], NOW);
      }
      // r2: every one sent; r1: one on its way, one waiting for the chair.
      for (const key of ['a', 'b', 'c']) await store.record(`r2:minutes:${key}:family`, { status: 'sent', channel: 'email' }, LATER);
      await store.record('r1:minutes:a:family', { status: 'sent', channel: 'email' }, LATER);
      expect(await store.unsentOfChair('t1', 'chair-a')).toEqual([
        { reviewId: 'r1', caseReferences: ['CIN-1', 'CIN-2'], meetingDate: '2026-11-24', minutesDue: '2026-12-01', total: 3, unsent: 2, stuck: 1 },
      ]);
      expect((await store.unsentOfChair('t1', 'chair-b')).map((u) => u.reviewId)).toEqual(['r3']);
      expect(await store.unsentOfChair('t1', 'nobody')).toEqual([]);
    });
  });
}
