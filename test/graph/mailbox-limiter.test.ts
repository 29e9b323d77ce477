import { MailboxLimiter } from '../../src/graph/mailbox-limiter';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const ticks = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('MailboxLimiter', () => {
  it('lets 4 requests for one mailbox run at once, starts the fifth when one ends, and keeps mailboxes apart', async () => {
    const limiter = new MailboxLimiter(4);
    const gates = Array.from({ length: 6 }, deferred);
    const started: number[] = [];
    const runs = gates.slice(0, 5).map((gate, i) =>
      limiter.run('Shared@Council.example', async () => {
        started.push(i);
        await gate.promise;
      }),
    );
    const other = limiter.run('other@council.example', async () => {
      started.push(99);
      await gates[5]!.promise;
    });
    await ticks();
    expect([...started].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 99]);
    expect(limiter.inFlight('shared@council.example')).toBe(4);

    gates[2]!.resolve();
    await ticks();
    expect(started).toContain(4);
    expect(limiter.inFlight('shared@council.example')).toBe(4);

    gates.forEach((g) => g.resolve());
    await Promise.all([...runs, other]);
    expect(limiter.inFlight('shared@council.example')).toBe(0);
  });

  it('frees the slot when the work fails', async () => {
    const limiter = new MailboxLimiter(1);
    await expect(limiter.run('m', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('m', async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => new MailboxLimiter(0)).toThrow(RangeError);
  });
});
