import { addBusinessDays } from 'date-fns';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complianceAlerts } from '../src/domain/cases/case-compliance';
import { addDays, checkProposedDate, driftAlerts, minutesDueDate, nextReviewWindow } from '../src/domain/timescales';
import { loadConfig } from '../src/config/load-config';
import { loadTimescales } from '../src/main';
import { KyselyReviewStore } from '../src/store/kysely-review-store';
import { migrateToLatest } from '../src/store/migrations';
import { openSqlite } from '../src/store/review-database';

const PACK_IDS = ['leicestershire', 'hertfordshire', 'authority-000', 'ics-authority'];

function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Nanoseconds per call of `work`, over `calls` calls (after a warm-up). */
function perCall(calls: number, work: (i: number) => unknown): number {
  for (let i = 0; i < 2000; i++) work(i);
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < calls; i++) sink += work(i) ? 1 : 0;
  if (sink < 0) console.log(sink);
  return Number(process.hrtime.bigint() - start) / calls;
}

export async function benchDueDateFunctions(): Promise<Array<[string, number]>> {
  const { packs, calendar } = loadTimescales(loadConfig({}));
  const pack = packs.get('leicestershire')!;
  const meeting = (i: number) => addDays('2026-01-05', i % 700);
  const window = nextReviewWindow(pack, { planStart: '2026-10-26', reviewCount: 1, lastReviewDate: '2026-12-21' }, calendar);
  return [
    ['baseline: date-fns addBusinessDays(5)', perCall(200_000, (i) => addBusinessDays(new Date(Date.UTC(2026, 0, 5 + (i % 700))), 5))],
    ['minutesDueDate', perCall(200_000, (i) => minutesDueDate(pack, meeting(i), calendar, 'progress').due)],
    ['nextReviewWindow', perCall(200_000, (i) => nextReviewWindow(pack, { planStart: '2025-12-01', reviewCount: 1, lastReviewDate: meeting(i) }, calendar).latest)],
    ['checkProposedDate', perCall(200_000, (i) => checkProposedDate(window, meeting(i)).ok)],
    ['driftAlerts (one case)', perCall(50_000, (i) => driftAlerts(pack, { planStart: meeting(i), reviewCount: 2, lastReviewDate: addDays(meeting(i), 60), leadWorker: 'SW' }, '2027-06-01', calendar).length)],
  ];
}

/**
 * The daily compliance scan: every case's summary read from the embedded SQLite store (the `cases`
 * table every write keeps), and each open case's alerts for today worked out. The synthetic
 * caseload is spread like a real one: plans started over the last 40 weeks across the four packs,
 * most reviewed in the last five weeks, one in ten overdue, some with a meeting in progress, a few closed.
 */
export async function benchComplianceScan(
  cases: number,
  today = '2026-11-24',
): Promise<{ readMs: number; computeMs: number; scanMs: number; alerts: number; rows: number }> {
  const { packs, calendar } = loadTimescales(loadConfig({}));
  const directory = mkdtempSync(join(tmpdir(), 'cin-scan-'));
  const db = openSqlite(join(directory, 'scan.sqlite'));
  try {
    await migrateToLatest(db);
    const rows: Array<Record<string, unknown>> = [];
    for (let c = 0; c < cases; c++) {
      const planStart = addDays(today, -7 * (2 + (c % 38)) - (c % 5));
      const overdue = c % 10 === 0;
      const lastReview = addDays(today, overdue ? -60 - (c % 30) : -((c * 7) % 35) - 1);
      const reviewed = lastReview > planStart;
      const open = c % 7 === 3;
      rows.push({
        tenant_id: 't', case_reference: `CIN-${c}`, pack_id: PACK_IDS[c % 4], plan_start: planStart, lead_worker: c % 2 ? 'SW' : 'KW',
        chair_key: `chair-${c % 500}`, previous_reviews: reviewed ? 1 + (c % 4) : 0, last_review_date: reviewed ? lastReview : null,
        open_meeting_date: open ? addDays(today, -(c % 9)) : null, open_minutes_due: open ? addDays(today, 5 - (c % 9)) : null,
        closed: c % 20 === 19 ? 1 : 0,
      });
    }
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('cases').values(rows.slice(i, i + 500) as never).execute();

    const store = new KyselyReviewStore(db);
    const readStart = process.hrtime.bigint();
    await store.caseSummaries({});
    const readMs = msSince(readStart);
    const scanStart = process.hrtime.bigint();
    const summaries = await store.caseSummaries({});
    const computeStart = process.hrtime.bigint();
    const items = complianceAlerts(summaries, packs, calendar, today);
    return { readMs, computeMs: msSince(computeStart), scanMs: msSince(scanStart), alerts: items.length, rows: summaries.length };
  } finally {
    await db.destroy();
    rmSync(directory, { recursive: true, force: true });
  }
}
