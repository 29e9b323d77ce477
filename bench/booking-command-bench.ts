import { cardOf } from '../test/support/local-connector';
import { textOf } from '../test/support/card-reader';
import { signOff, walkToMinutes } from '../test/support/review-walk';
import { messageActivity, teamsUser } from '../test/support/teams-activity';
import { LatencyFigures, botInItsOwnProcess, figures, stop, timed } from './card-action-bench';

export interface BookingCommandFigures {
  readonly command: LatencyFigures;
  readonly help: LatencyFigures;
}

const COMMAND = 'book review for CIN-1001 on Tuesday 12 January at 2pm on Teams';

/**
 * "Command to confirmation card": a `book review` typed in a 1:1 chat, through HTTP to the bot in
 * its own process, read (chrono-node), the case's last review loaded, the caller's roster entry
 * asked of the connector, and the confirmation card posted to the local connector, beside a plain
 * `help` answered the same way in the same run (alternating, so both see the same machine).
 */
export async function benchBookingCommand(rounds: number): Promise<BookingCommandFigures> {
  const { harness, bot } = await botInItsOwnProcess('src/main.ts');
  try {
    const chair = teamsUser('Sam', 1);
    harness.connector.members = [{ ...chair, email: 'sam.chair@council.example' }, { ...teamsUser('Mum', 2), email: 'mum@example.org' }, teamsUser('Teacher', 3)];
    await harness.say(chair, 'start review');
    await signOff(harness, chair, await walkToMinutes(harness, chair));
    const where = { ...harness.where({ conversationId: `a:1bench-${chair.id}` }), conversationType: 'personal' as const };
    const say = (text: string) => harness.post(messageActivity(where, chair, text));

    // The minutes reach the chair's 1:1 chat from the outbox: let them arrive before measuring.
    const until = Date.now() + 30_000;
    while (!harness.connector.posted().some((p) => textOf(cardOf(p.activity)).includes('Minutes for professionals')) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const before = harness.connector.posted().length;
    await say(COMMAND);
    const answer = harness.connector.posted().slice(before).map((p) => textOf(cardOf(p.activity))).join('\n');
    if (!answer.includes('Book the next review of CIN-1001?')) throw new Error(`The command was not answered with a confirmation card: ${answer.slice(0, 200)}`);
    for (let i = 0; i < 20; i++) await Promise.all([say(COMMAND), say('help')]); // warm-up, not measured

    const command: number[] = [];
    const help: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await timed(command, () => say(COMMAND));
      await timed(help, () => say('help'));
    }
    // One turn at a time: each kind's rate is over the time spent in its own turns.
    const busy = (latencies: number[]) => latencies.reduce((a, b) => a + b, 0) / 1000;
    return { command: figures(command, busy(command)), help: figures(help, busy(help)) };
  } finally {
    await stop(harness, bot);
  }
}
