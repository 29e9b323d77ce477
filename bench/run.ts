import { benchCardActions, benchEcho, LatencyFigures } from './card-action-bench';
import { WALK } from '../test/support/review-walk';

const REVIEWS = Number(process.argv[2] ?? 40);

function line(name: string, f: LatencyFigures): string {
  return `${name.padEnd(28)} ${String(f.turns).padStart(6)} turns  ${f.perSecond.toFixed(0).padStart(6)} turns/s  p50 ${f.p50.toFixed(2).padStart(7)} ms  p99 ${f.p99.toFixed(2).padStart(7)} ms`;
}

async function main(): Promise<void> {
  console.log(`CIN review bot benchmark: ${REVIEWS} concurrent reviews, ${WALK.length} card actions each, same restify + CloudAdapter stack\n`);
  // Warm both up once so JIT and first-connection costs are not measured.
  await benchEcho(4, 4);
  await benchCardActions(2);
  const echo = await benchEcho(REVIEWS, WALK.length);
  const ours = await benchCardActions(REVIEWS);
  console.log(line('echo bot (baseline)', echo));
  console.log(line('review card action', ours));
  console.log(
    `\nratio, review card action / echo bot:  p50 ${(ours.p50 / echo.p50).toFixed(2)}x   p99 ${(ours.p99 / echo.p99).toFixed(2)}x   throughput ${(echo.perSecond / ours.perSecond).toFixed(2)}x slower`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
