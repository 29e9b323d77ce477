import { z } from 'zod';
import { Duration, durationDayBounds } from './duration';
import type { PolicyPack } from './policy-pack-schema';

type Path = Array<string | number>;
type Report = (path: Path, message: string) => void;

/** Checks across fields that the per-field schema cannot see. Each problem names its field. */
export function checkPackConsistency(pack: PolicyPack, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  checkSourcesAreListed(pack, report);
  for (const key of ['initialMeeting', 'firstReview', 'laterReviews'] as const) {
    const rule = pack[key];
    if (rule === undefined) continue;
    if (rule.earliest !== null) notAfter(rule.earliest, rule.latest, [key, 'earliest'], 'latest', report);
    if (rule.earliest !== null) notAfter(rule.earliest, rule.target, [key, 'target'], 'earliest', report, true);
    notAfter(rule.target, rule.latest, [key, 'target'], 'latest', report);
  }
  if (pack.trajectory?.from !== undefined) notAfter(pack.trajectory.from, pack.trajectory.to, ['trajectory', 'from'], 'to', report);

  const covered = new Map<string, number>();
  pack.minutes.forEach((rule, i) => {
    for (const type of rule.appliesTo) {
      const earlier = covered.get(type);
      if (earlier !== undefined) report(['minutes', i, 'appliesTo'], `meeting type "${type}" is already covered by minutes[${earlier}]`);
      covered.set(type, i);
    }
    if (rule.within !== null && rule.counting === undefined) {
      report(['minutes', i, 'counting'], 'is missing: say how the days are counted (from-next-day or from-and-including-event-day)');
    }
  });

  const chairKeys = new Set<string>();
  pack.chairs.rules.forEach((rule, i) => {
    const key = `${rule.meeting}/${rule.leadWorker ?? 'any'}`;
    if (chairKeys.has(key)) report(['chairs', 'rules', i], `a second rule for ${rule.meeting} meetings${rule.leadWorker ? ` led by ${rule.leadWorker}` : ''}`);
    chairKeys.add(key);
  });

  const checkpointIds = new Set<string>();
  const checkCheckpoint = (cp: PolicyPack['driftCheckpoints'][number], path: Path) => {
    if (checkpointIds.has(cp.id)) report([...path, 'id'], `duplicate checkpoint id "${cp.id}"`);
    checkpointIds.add(cp.id);
    if (cp.repeatEvery !== undefined && cp.repeatEvery.unit !== cp.at.unit) {
      report([...path, 'repeatEvery', 'unit'], `must be the same unit as "at" (${cp.at.unit})`);
    }
  };
  pack.driftCheckpoints.forEach((cp, i) => checkCheckpoint(cp, ['driftCheckpoints', i]));
  pack.variations.forEach((v, i) => v.extraCheckpoints?.forEach((cp, j) => checkCheckpoint(cp, ['variations', i, 'extraCheckpoints', j])));

  const variationIds = new Set<string>();
  pack.variations.forEach((v, i) => {
    if (variationIds.has(v.id)) report(['variations', i, 'id'], `duplicate variation id "${v.id}"`);
    variationIds.add(v.id);
    v.skipCheckpoints?.forEach((id, j) => {
      if (!pack.driftCheckpoints.some((cp) => cp.id === id)) report(['variations', i, 'skipCheckpoints', j], `no drift checkpoint has the id "${id}"`);
    });
    if (v.skipLongRunningChair && pack.chairs.longRunning === undefined) {
      report(['variations', i, 'skipLongRunningChair'], 'the pack has no chairs.longRunning rule to skip');
    }
  });
}

function notAfter(a: Duration, b: Duration, path: Path, bName: string, report: Report, reversed = false): void {
  if (durationDayBounds(a).min > durationDayBounds(b).max) {
    report(path, reversed ? `is before ${bName}` : `is after ${bName} (${b.amount} ${b.unit})`);
  }
}

/** Every `source.procedure` must be one the pack lists in `sources`. */
function checkSourcesAreListed(pack: PolicyPack, report: Report): void {
  const listed = new Set(pack.sources.map((s) => s.procedure));
  const walk = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, [...path, i]));
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'source' && child !== null && typeof child === 'object' && 'procedure' in child) {
        const procedure = String(child.procedure);
        if (!listed.has(procedure)) {
          report([...path, 'source', 'procedure'], `cites procedure ${procedure}, which is not in the pack's sources (${[...listed].join(', ')})`);
        }
      } else if (key !== 'sources') {
        walk(child, [...path, key]);
      }
    }
  };
  walk(pack, []);
}
