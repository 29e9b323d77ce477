import { withRetries } from '../../src/graph/graph-retry';
import { EffectFailure } from '../../src/ports/effect-failure';

const policy = { attempts: 4, backoffMs: [100, 200, 400], maxWaitMs: 5000 };
const throttled = (retryAfterMs?: number) => new EffectFailure('THROTTLED', 't', { retryable: true, mayHaveHappened: false, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
const serverError = () => new EffectFailure('SERVER_ERROR', 's', { retryable: true, mayHaveHappened: true });
const refused = () => new EffectFailure('ErrorInvalidRecipients', 'r', { retryable: false });

function script(outcomes: Array<Error | string>) {
  let calls = 0;
  const work = async () => {
    const next = outcomes[calls++];
    if (next instanceof Error) throw next;
    return next ?? 'done';
  };
  return { work, calls: () => calls };
}

describe('withRetries', () => {
  it('waits Retry-After when given, otherwise the backoff, and returns what succeeds', async () => {
    const slept: number[] = [];
    const { work, calls } = script([throttled(1500), serverError(), 'ok']);
    await expect(withRetries(work, policy, async (ms) => void slept.push(ms))).resolves.toBe('ok');
    expect(slept).toEqual([1500, 200]);
    expect(calls()).toBe(3);
  });

  it('does not retry a refusal', async () => {
    const { work, calls } = script([refused(), 'ok']);
    await expect(withRetries(work, policy, async () => undefined)).rejects.toMatchObject({ code: 'ErrorInvalidRecipients' });
    expect(calls()).toBe(1);
  });

  it('gives up after the last attempt with the last failure', async () => {
    const { work, calls } = script([throttled(), throttled(), throttled(), throttled(), 'ok']);
    await expect(withRetries(work, policy, async () => undefined)).rejects.toMatchObject({ code: 'THROTTLED' });
    expect(calls()).toBe(4);
  });

  it('hands a wait longer than it will sleep to the caller, with Retry-After', async () => {
    const slept: number[] = [];
    const { work, calls } = script([throttled(60_000), 'ok']);
    await expect(withRetries(work, policy, async (ms) => void slept.push(ms))).rejects.toMatchObject({ options: { retryAfterMs: 60_000 } });
    expect(slept).toEqual([]);
    expect(calls()).toBe(1);
  });

  it('remembers that an earlier try may have acted', async () => {
    const { work } = script([serverError(), refused()]);
    await expect(withRetries(work, policy, async () => undefined)).rejects.toMatchObject({
      code: 'ErrorInvalidRecipients',
      options: { retryable: false, mayHaveHappened: true },
    });
  });

  it('lets anything that is not an EffectFailure through untouched', async () => {
    const bug = new TypeError('bug');
    await expect(withRetries(async () => Promise.reject(bug), policy, async () => undefined)).rejects.toBe(bug);
  });
});
