import { newReview } from '../../src/domain/review/new-review';
import { Review } from '../../src/domain/review/review';
import { ReviewStore } from '../../src/ports/review-store';

const chair = { teamsUserId: '29:chair', aadObjectId: 'aad-chair', name: 'Chris Chair' };

export function reviewIn(conversationId: string, id = `r-${Math.random().toString(36).slice(2)}`): Review {
  return newReview({ id, conversationId, tenantId: 't1', startedBy: chair, roster: [], now: '2026-11-24T09:00:00.000Z' });
}

function next(review: Review, patch: Partial<Review> = {}): Review {
  return { ...review, ...patch, version: review.version + 1, updatedAt: '2026-11-24T09:05:00.000Z' };
}

/** What every ReviewStore must do, run against real SQLite and real PostgreSQL. */
export function reviewStoreContract(name: string, open: () => Promise<ReviewStore>): void {
  describe(`${name} review store`, () => {
    let store: ReviewStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('creates, finds the open review of a conversation, and round-trips every field', async () => {
      const review = { ...reviewIn('conv-1'), setUp: { meetingType: 'initial' as const, children: [{ key: 'c', firstName: "Zoë ${x} '; DROP TABLE reviews; --", caseReference: 'CIN-1' }], chairName: 'C', chairRole: 'SW' as const, meetingDate: '2026-11-24', mode: 'online' as const, planStartDate: '2026-11-24', policyPackId: 'leicestershire', leadWorker: 'SW' as const, timescaleReason: '', lastReviewDate: '', caseOpenedDate: '' } };
      expect(await store.create(review, 'conv-1|a1')).toBe('created');
      expect(await store.findOpen('conv-1')).toEqual(review);
      expect(await store.get(review.id)).toEqual(review);
      expect(await store.findOpen('conv-2')).toBeUndefined();
      expect(await store.appliedBy('conv-1|a1')).toBe(review.id);
    });

    it('refuses a second open review in a conversation, and the same activity twice', async () => {
      const first = reviewIn('conv-1');
      expect(await store.create(first, 'k1')).toBe('created');
      expect(await store.create(reviewIn('conv-1'), 'k2')).toBe('already-open');
      expect(await store.create(reviewIn('conv-9'), 'k1')).toBe('duplicate');
      expect(await store.findOpen('conv-9')).toBeUndefined();
      // A refused create leaves no trace of its activity: it can be tried again.
      expect(await store.appliedBy('k2')).toBeUndefined();
    });

    it('saves only over the version it read, once per activity', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0');
      const v2 = next(review, { currentStep: 'introductions' });
      expect(await store.save(v2, 1, 'k1')).toBe('saved');
      expect(await store.save(next(review, { currentStep: 'plan' }), 1, 'k2')).toBe('conflict');
      expect(await store.appliedBy('k2')).toBeUndefined();
      expect(await store.save(next(v2), 2, 'k1')).toBe('duplicate');
      expect((await store.get(review.id))?.currentStep).toBe('introductions');
      expect((await store.get(review.id))?.version).toBe(2);
    });

    it('of two racing saves over the same version exactly one wins', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0');
      const results = await Promise.all(
        ['a', 'b', 'c', 'd'].map((k) => store.save(next(review, { currentStep: 'plan', updatedAt: k }), 1, `race-${k}`)),
      );
      expect(results.filter((r) => r === 'saved')).toHaveLength(1);
      expect(results.filter((r) => r === 'conflict')).toHaveLength(3);
    });

    it('records the shared card without changing the version', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0');
      await store.recordSharedCard(review.id, 'activity-7');
      const stored = await store.get(review.id);
      expect(stored?.sharedCardActivityId).toBe('activity-7');
      expect(stored?.version).toBe(1);
      expect(await store.save(next(stored!), 1, null)).toBe('saved');
      expect((await store.get(review.id))?.sharedCardActivityId).toBe('activity-7');
    });

    it('finds the last signed-off review of a case', async () => {
      const setUp = (ref: string) => ({ meetingType: 'progress' as const, children: [{ key: 'c', firstName: 'A', caseReference: ref }], chairName: 'C', chairRole: 'SW' as const, meetingDate: '2026-11-24', mode: 'online' as const, planStartDate: '2026-09-01', policyPackId: 'leicestershire', leadWorker: 'SW' as const, timescaleReason: '', lastReviewDate: '', caseOpenedDate: '' });
      const older = { ...reviewIn('a'), setUp: setUp('CIN-7') };
      const newer = { ...reviewIn('b'), setUp: setUp('CIN-7') };
      const open = { ...reviewIn('c'), setUp: setUp('CIN-7') };
      for (const [r, k] of [[older, 'k1'], [newer, 'k2'], [open, 'k3']] as const) await store.create(r, k);
      const sign = (r: Review, at: string) => next(r, { status: 'signed-off', signOff: { by: chair, at } });
      await store.save(sign(older, '2026-10-01T10:00:00Z'), 1, null);
      await store.save(sign(newer, '2026-11-01T10:00:00Z'), 1, null);
      expect((await store.lastSignedOffForCase('t1', 'CIN-7'))?.id).toBe(newer.id);
      expect(await store.lastSignedOffForCase('other-tenant', 'CIN-7')).toBeUndefined();
      expect(await store.lastSignedOffForCase('t1', 'CIN-8')).toBeUndefined();
    });

    it('lists the signed-off reviews one person chaired, newest first, in their tenant (and one chat when asked)', async () => {
      const setUp = (ref: string) => ({ meetingType: 'progress' as const, children: [{ key: 'c', firstName: 'A', caseReference: ref }], chairName: 'C', chairRole: 'SW' as const, meetingDate: '2026-11-24', mode: 'online' as const, planStartDate: '2026-09-01', policyPackId: 'leicestershire', leadWorker: 'SW' as const, timescaleReason: '', lastReviewDate: '', caseOpenedDate: '' });
      const other = { teamsUserId: '29:other', aadObjectId: 'aad-other', name: 'Olu Other' };
      const sign = (r: Review, at: string) => next(r, { status: 'signed-off', signOff: { by: r.chair, at } });
      const inChat = (conv: string, ref: string, patch: Partial<Review> = {}) => ({ ...reviewIn(conv), setUp: setUp(ref), ...patch });
      const older = inChat('chat-a', 'CIN-20');
      const newer = inChat('chat-b', 'CIN-21');
      const sameChat = inChat('chat-a', 'CIN-22');
      const open = inChat('chat-c', 'CIN-23');
      const cancelled = inChat('chat-d', 'CIN-24');
      const chairedByOther = inChat('chat-a', 'CIN-25', { chair: other, startedBy: other });
      const otherTenant = inChat('chat-e', 'CIN-26', { tenantId: 't2' });
      // One review open at a time in a chat: each is created, then finished (or left open).
      const finish: Array<[Review, Review | undefined]> = [
        [older, sign(older, '2026-10-01T10:00:00Z')],
        [newer, sign(newer, '2026-11-20T10:00:00Z')],
        [sameChat, sign(sameChat, '2026-11-01T10:00:00Z')],
        [open, undefined],
        [cancelled, next(cancelled, { status: 'cancelled', cancelled: { by: chair, at: '2026-11-21T10:00:00Z' } })],
        [chairedByOther, sign(chairedByOther, '2026-11-22T10:00:00Z')],
        [otherTenant, sign(otherTenant, '2026-11-23T10:00:00Z')],
      ];
      for (const [i, [created, finished]] of finish.entries()) {
        expect(await store.create(created, `k${i}`)).toBe('created');
        if (finished) expect(await store.save(finished, 1, null)).toBe('saved');
      }
      const ids = async (filter: { conversationId?: string; limit?: number; chair?: typeof chair; tenantId?: string }) =>
        (await store.signedOffChairedBy({ tenantId: filter.tenantId ?? 't1', chair: filter.chair ?? chair, limit: filter.limit ?? 10, ...(filter.conversationId ? { conversationId: filter.conversationId } : {}) })).map((r) => r.id);
      expect(await ids({})).toEqual([newer.id, sameChat.id, older.id]);
      expect(await ids({ limit: 2 })).toEqual([newer.id, sameChat.id]);
      expect(await ids({ conversationId: 'chat-a' })).toEqual([sameChat.id, older.id]);
      expect(await ids({ conversationId: 'chat-c' })).toEqual([]);
      expect(await ids({ chair: other })).toEqual([chairedByOther.id]);
      expect(await ids({ tenantId: 't2' })).toEqual([otherTenant.id]);
      // Teams may give the Entra id in capitals: the same person.
      expect(await ids({ chair: { ...chair, aadObjectId: 'AAD-CHAIR' } })).toEqual([newer.id, sameChat.id, older.id]);
    });

    it('finds the review of a conversation that finished last, signed off or cancelled, never an open one', async () => {
      const at = (r: Review, patch: Partial<Review>, updatedAt: string) => ({ ...r, ...patch, version: r.version + 1, updatedAt });
      expect(await store.latestFinished('conv-1')).toBeUndefined();
      const signed = reviewIn('conv-1');
      await store.create(signed, 'k1');
      await store.save(at(signed, { status: 'signed-off', signOff: { by: chair, at: '2026-11-24T10:00:00.000Z' } }, '2026-11-24T10:00:00.000Z'), 1, null);
      const cancelled = reviewIn('conv-1');
      await store.create(cancelled, 'k2');
      await store.save(at(cancelled, { status: 'cancelled', cancelled: { by: chair, at: '2026-11-25T10:00:00.000Z' } }, '2026-11-25T10:00:00.000Z'), 1, null);
      await store.create(reviewIn('conv-1'), 'k3');
      const elsewhere = reviewIn('conv-2');
      await store.create(elsewhere, 'k4');
      await store.save(at(elsewhere, { status: 'signed-off', signOff: { by: chair, at: '2026-11-26T10:00:00.000Z' } }, '2026-11-26T10:00:00.000Z'), 1, null);
      expect(await store.latestFinished('conv-1')).toMatchObject({ id: cancelled.id, status: 'cancelled' });
      expect((await store.latestFinished('conv-2'))?.id).toBe(elsewhere.id);
      expect(await store.latestFinished('conv-3')).toBeUndefined();
    });

    it('keeps one summary a case with every write, for the scan and for `due`', async () => {
      const setUp = { meetingType: 'progress' as const, children: [{ key: 'c', firstName: 'A', caseReference: 'CIN-9' }], chairName: 'C', chairRole: 'SW' as const, meetingDate: '2026-10-01', mode: 'online' as const, planStartDate: '2026-09-01', policyPackId: 'leicestershire', leadWorker: 'KW' as const, timescaleReason: '', lastReviewDate: '', caseOpenedDate: '' };
      const first = { ...reviewIn('a'), setUp };
      await store.create(first, 'k1');
      expect(await store.caseSummaries({ chairKey: 'aad-chair' })).toMatchObject([{ caseReference: 'CIN-9', previousReviews: 0, openMeetingDate: '2026-10-01', closed: false }]);
      await store.save(next(first, { status: 'signed-off', signOff: { by: chair, at: '2026-10-01T12:00:00Z' } }), 1, null);
      expect(await store.caseSummaries({ tenantId: 't1' })).toMatchObject([{ caseReference: 'CIN-9', previousReviews: 1, lastReviewDate: '2026-10-01', openMeetingDate: null, leadWorker: 'KW' }]);
      // The chair renames the case at set-up of the next review: the old case keeps its history, the new one starts.
      const second = { ...reviewIn('b'), setUp: { ...setUp, meetingDate: '2026-11-01', children: [{ key: 'c', firstName: 'A', caseReference: 'CIN-10' }] } };
      await store.create(second, 'k2');
      const refs = (await store.caseSummaries({})).map((c) => c.caseReference).sort();
      expect(refs).toEqual(['CIN-10', 'CIN-9']);
      expect(await store.caseSummaries({ chairKey: 'someone-else' })).toEqual([]);
      expect((await store.caseReviews({ tenantId: 't1', caseReferences: ['CIN-9', 'CIN-10'] })).map((r) => r.caseReference).sort()).toEqual(['CIN-10', 'CIN-9']);
    });

    it('records acting on a drift alert once, and returns it with the case', async () => {
      const setUp = { meetingType: 'progress' as const, children: [{ key: 'c', firstName: 'A', caseReference: 'CIN-11' }], chairName: 'C', chairRole: 'SW' as const, meetingDate: '2026-10-01', mode: 'online' as const, planStartDate: '2026-06-01', policyPackId: 'leicestershire', leadWorker: 'SW' as const, timescaleReason: '', lastReviewDate: '', caseOpenedDate: '' };
      await store.create({ ...reviewIn('a'), setUp }, 'k1');
      await store.acknowledgeAlert('t1', 'CIN-11', { id: '16-weeks', due: '2026-09-21' }, chair, '2026-10-02T09:00:00Z');
      await store.acknowledgeAlert('t1', 'CIN-11', { id: '16-weeks', due: '2026-09-21' }, chair, '2026-10-03T09:00:00Z');
      await store.acknowledgeAlert('other-tenant', 'CIN-11', { id: '26-weeks', due: '2026-11-30' }, chair, '2026-10-03T09:00:00Z');
      const [summary] = await store.caseSummaries({ tenantId: 't1', caseReferences: ['CIN-11'] });
      expect(summary?.acknowledged).toEqual([{ id: '16-weeks', due: '2026-09-21' }]);
      const all = await store.caseSummaries({});
      expect(all.find((c) => c.caseReference === 'CIN-11')?.acknowledged).toEqual([{ id: '16-weeks', due: '2026-09-21' }]);
    });

    it('lets a conversation start a new review once the last one is finished', async () => {
      const first = reviewIn('conv-1');
      await store.create(first, 'k1');
      await store.save(next(first, { status: 'cancelled' }), 1, 'k2');
      expect(await store.findOpen('conv-1')).toBeUndefined();
      expect(await store.create(reviewIn('conv-1'), 'k3')).toBe('created');
    });
  });
}
