import { benchCardActions, benchEcho, LatencyFigures } from './card-action-bench';
import { benchComplianceScan, benchDueDateFunctions } from './timescales-bench';
import { benchSlotSearch, benchTypedBooking } from './slot-search-bench';
import { benchGraphCalls, graphCallLines } from './graph-calls-bench';
import { benchMinutesRender } from './minutes-render-bench';
import { benchBookingCommand } from './booking-command-bench';
import { benchMinutesDelivery } from './minutes-delivery-bench';
import { WALK } from '../test/support/review-walk';

const REVIEWS = Number(process.argv[2] ?? 40);
const CASES = Number(process.argv[3] ?? 100_000);
const SIGN_OFF_REVIEWS = Number(process.argv[4] ?? 200);
const BOOKING_ROUNDS = Number(process.argv[5] ?? 200);
const DELIVERY_RUNS = Number(process.argv[6] ?? 10);

function line(name: string, f: LatencyFigures): string {
  return `${name.padEnd(28)} ${String(f.turns).padStart(6)} turns  ${f.perSecond.toFixed(0).padStart(6)} turns/s  p50 ${f.p50.toFixed(2).padStart(7)} ms  p99 ${f.p99.toFixed(2).padStart(7)} ms`;
}

async function main(): Promise<void> {
  console.log(`1. Card actions: ${REVIEWS} concurrent reviews, ${WALK.length} card actions each, same restify + CloudAdapter stack, each bot in its own process\n`);
  // Each bot runs in its own process, warmed up before it is measured.
  const echo = await benchEcho(REVIEWS, WALK.length);
  const ours = await benchCardActions(REVIEWS);
  console.log(line('echo bot (baseline)', echo));
  console.log(line('review card action', ours));
  console.log(
    `ratio, review card action / echo bot:  p50 ${(ours.p50 / echo.p50).toFixed(2)}x   p99 ${(ours.p99 / echo.p99).toFixed(2)}x   throughput ${(echo.perSecond / ours.perSecond).toFixed(2)}x slower`,
  );

  console.log(`\n1b. ${SIGN_OFF_REVIEWS} concurrent reviews, each walked to sign-off (${WALK.length + 1} presses), beside the echo bot at the same concurrency\n`);
  const echoMany = await benchEcho(SIGN_OFF_REVIEWS, WALK.length + 1);
  const many = await benchCardActions(SIGN_OFF_REVIEWS, { signOff: true });
  console.log(line('echo bot (baseline)', echoMany));
  console.log(line('review press to sign-off', many));
  console.log(
    `ratio, review press / echo bot:  p50 ${(many.p50 / echoMany.p50).toFixed(2)}x   p99 ${(many.p99 / echoMany.p99).toFixed(2)}x   throughput ${(echoMany.perSecond / many.perSecond).toFixed(2)}x slower`,
  );
  const e = many.effects;
  console.log(
    `outbox dispatcher (progress-card updates): ${e.effects} effects, ${e.perSecond.toFixed(0)} effects/s; stored event to effect p50 ${e.delayP50.toFixed(0)} ms, p99 ${e.delayP99.toFixed(0)} ms (${(e.delayP50 / many.p50).toFixed(1)}x / ${(e.delayP99 / many.p99).toFixed(1)}x a press's p50 / p99)`,
  );

  console.log(`\n2. Due-date functions, per call (baseline: date-fns addBusinessDays, which ignores bank holidays)\n`);
  const calls = await benchDueDateFunctions();
  const baseline = calls[0]![1];
  for (const [name, ns] of calls) console.log(`${name.padEnd(40)} ${ns.toFixed(0).padStart(7)} ns/call  ${(ns / baseline).toFixed(2).padStart(6)}x baseline`);

  console.log(`\n3. Daily compliance scan over ${CASES.toLocaleString('en-GB')} synthetic cases in the embedded SQLite store (aim: under 1 s)\n`);
  const scan = await benchComplianceScan(CASES);
  console.log(`read every case's summary (baseline)     ${scan.readMs.toFixed(0).padStart(6)} ms  (${scan.rows.toLocaleString('en-GB')} cases)`);
  console.log(`today's alerts worked out (compute only)  ${scan.computeMs.toFixed(0).padStart(6)} ms  (${scan.alerts.toLocaleString('en-GB')} alerts)`);
  console.log(`the scan: read + alerts                   ${scan.scanMs.toFixed(0).padStart(6)} ms  ${(scan.scanMs / scan.readMs).toFixed(2)}x the read alone; ${scan.scanMs < 1000 ? 'under' : 'OVER'} the 1 s aim`);

  console.log(`\n4. Booking, in process: the slot search, the Graph calls of one booking (offer to event) and reading a typed command (all used by "book review")\n`);
  const slots = benchSlotSearch();
  console.log(`slot search, ${slots.attendees} attendees each busy a day, ${slots.windowDays}-day window: median ${slots.search.medianMs.toFixed(3)} ms, p99 ${slots.search.p99Ms.toFixed(3)} ms (goal under ${slots.goalMs} ms); ${(slots.search.medianMs / slots.noBusy.medianMs).toFixed(1)}x the same walk with no one busy`);
  for (const text of graphCallLines(await benchGraphCalls(), slots.search.medianMs)) console.log(text);
  const typed = benchTypedBooking();
  console.log(`typed booking command: median ${typed.command.medianMs.toFixed(3)} ms; "help" through the same reader ${typed.help.medianMs.toFixed(4)} ms (${(typed.command.medianMs / typed.help.medianMs).toFixed(0)}x)`);

  console.log(`\n4b. Booking by command through HTTP: "book review …" typed in a 1:1 chat to its confirmation card, beside "help" in the same run\n`);
  const booking = await benchBookingCommand(BOOKING_ROUNDS);
  console.log(line('help (baseline)', booking.help));
  console.log(line('command to confirmation card', booking.command));
  console.log(`ratio, command to confirmation card / help:  p50 ${(booking.command.p50 / booking.help.p50).toFixed(2)}x   p99 ${(booking.command.p99 / booking.help.p99).toFixed(2)}x`);

  console.log(`\n5. Minutes documents: the largest meeting's PDF beside its card\n`);
  const render = await benchMinutesRender();
  console.log(`draft-minutes card (15 attendees, 30 actions): median ${render.cardMs.toFixed(1)} ms; tagged PDF of a 20-attendee, 30-action sample: median ${render.pdfMs.toFixed(1)} ms (${(render.pdfMs / render.cardMs).toFixed(1)}x the card), ${render.pages} pages`);
  const d = render.delivered;
  console.log(`one record as delivered (20 attendees, 30 actions, professionals' version): card median ${d.cardMs.toFixed(1)} ms; tagged PDF median ${d.pdfMs.toFixed(1)} ms (${(d.pdfMs / d.cardMs).toFixed(1)}x the card), ${d.pages} pages`);

  console.log(`\n6. Minutes delivery: sign-off to the last delivery of a 20-attendee meeting, ${DELIVERY_RUNS} runs (goal under 5 s; the mission's bar 60 s)\n`);
  const delivery = await benchMinutesDelivery(DELIVERY_RUNS);
  const r = delivery.recipients;
  console.log(
    `sign-off to last delivery (${r.teams} Teams cards through the local connector, ${r.email} emails to the mail folder): p50 ${delivery.p50.toFixed(0)} ms, p99 ${delivery.p99.toFixed(0)} ms; ${(delivery.p50 / echo.p50).toFixed(0)}x / ${(delivery.p99 / echo.p99).toFixed(0)}x an echo-bot turn's p50 / p99 (section 1); ${delivery.p99 < 5000 ? 'under' : 'OVER'} the 5 s goal at p99`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
