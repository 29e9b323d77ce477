import { randomUUID } from 'node:crypto';
import { Kysely } from 'kysely';
import { EffectQueue, NewEffect, Outbox, StoredEffect } from '../ports/outbox';
import { OutboxTable, ReviewDatabase } from './review-database';

/**
 * The outbox over SQLite or PostgreSQL. Taking an effect is a conditional update (pending, due, and
 * its lease free or run out), so of two dispatchers racing for it exactly one wins; on PostgreSQL the
 * candidates are read `FOR UPDATE SKIP LOCKED` so racing dispatchers pick different rows at once.
 */
export class KyselyOutbox implements Outbox, EffectQueue {
  constructor(
    private readonly db: Kysely<ReviewDatabase>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async queue(effects: readonly NewEffect[], now: string): Promise<void> {
    if (effects.length === 0) return;
    await this.db.transaction().execute((trx) => queueEffects(trx, effects, now));
  }

  async take(owner: string, now: string, leaseUntil: string, limit: number): Promise<StoredEffect[]> {
    // SQLite: no read-then-write transaction (in WAL mode a second connection could not upgrade it);
    // each conditional update is atomic on its own and waits its turn for the file.
    if (this.dialect === 'sqlite') return this.lease(this.db, await this.due(this.db, now, limit, false), owner, now, leaseUntil);
    return this.db.transaction().execute(async (trx) => this.lease(trx, await this.due(trx, now, limit, true), owner, now, leaseUntil));
  }

  private async due(db: Kysely<ReviewDatabase>, now: string, limit: number, skipLocked: boolean): Promise<string[]> {
    let candidates = db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('not_before', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('not_before')
      .orderBy('created_at')
      .orderBy('seq')
      .limit(limit);
    if (skipLocked) candidates = candidates.forUpdate().skipLocked();
    return (await candidates.execute()).map((r) => r.id);
  }

  private async lease(db: Kysely<ReviewDatabase>, ids: readonly string[], owner: string, now: string, leaseUntil: string): Promise<StoredEffect[]> {
    if (ids.length === 0) return [];
    // One conditional update for all: only rows still pending and free are leased, whoever raced us.
    const rows = await db
      .updateTable('outbox')
      .set({ lease_owner: owner, lease_until: leaseUntil })
      .where('id', 'in', [...ids])
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returningAll()
      .execute();
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.map(effectOf).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  async complete(id: string, owner: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox')
      .set({ status: 'done', done_at: now, lease_owner: null, lease_until: null, last_error: null })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async completeMany(ids: readonly string[], owner: string, now: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('outbox')
      .set({ status: 'done', done_at: now, lease_owner: null, lease_until: null, last_error: null })
      .where('id', 'in', [...ids])
      .where('lease_owner', '=', owner)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async retryAt(id: string, owner: string, notBefore: string, attempted: boolean, error: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set((eb) => ({
        not_before: notBefore,
        lease_owner: null,
        lease_until: null,
        last_error: error,
        attempts: attempted ? eb('attempts', '+', 1) : eb.ref('attempts'),
      }))
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async fail(id: string, owner: string, now: string, error: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set((eb) => ({ status: 'failed', done_at: now, lease_owner: null, lease_until: null, last_error: error, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async nextDue(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('not_before').as('due'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return row?.due ?? undefined;
  }

  async hasLater(effect: StoredEffect, options: { readonly pendingOnly?: boolean } = {}): Promise<boolean> {
    const row = await this.db
      .selectFrom('outbox')
      .select('id')
      .where('review_id', '=', effect.reviewId)
      .where('kind', '=', effect.kind)
      .where('status', options.pendingOnly ? '=' : '!=', options.pendingOnly ? 'pending' : 'failed')
      .where((eb) => eb.or([eb('created_at', '>', effect.createdAt), eb.and([eb('created_at', '=', effect.createdAt), eb('seq', '>', effect.seq)])]))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async ofReview(reviewId: string): Promise<StoredEffect[]> {
    const rows = await this.db.selectFrom('outbox').selectAll().where('review_id', '=', reviewId).orderBy('created_at').orderBy('seq').execute();
    return rows.map(effectOf);
  }
}

/** Queues effects inside the caller's transaction; an effect whose key is already queued is left as it is. */
export async function queueEffects(trx: Kysely<ReviewDatabase>, effects: readonly NewEffect[], now: string): Promise<void> {
  for (const [seq, effect] of effects.entries()) {
    await trx
      .insertInto('outbox')
      .values({
        id: randomUUID(),
        effect_key: effect.key,
        kind: effect.kind,
        review_id: effect.reviewId,
        conversation_id: effect.conversationId,
        payload: JSON.stringify(effect.payload),
        status: 'pending',
        attempts: 0,
        created_at: now,
        seq,
        not_before: effect.notBefore ?? now,
        lease_owner: null,
        lease_until: null,
        done_at: null,
        last_error: null,
      })
      .onConflict((oc) => oc.column('effect_key').doNothing())
      .execute();
  }
}

function effectOf(row: OutboxTable): StoredEffect {
  return {
    seq: Number(row.seq),
    id: row.id,
    kind: row.kind,
    key: row.effect_key,
    reviewId: row.review_id,
    conversationId: row.conversation_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    status: row.status as StoredEffect['status'],
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    notBefore: row.not_before,
    doneAt: row.done_at,
    lastError: row.last_error,
  };
}
