import { EffectFailure } from '../../src/ports/effect-failure';
import { keyDigest } from '../../src/graph/outlook-message';
import { adaptersFor, anEmail, patternedBytes, SHARED_MAILBOX, graphFakePerTest, startGraphFake } from '../support/graph-fake/fake-adapters';
import { GraphFake } from '../support/graph-fake/graph-fake';
import { VirtualClock } from '../support/graph-fake/virtual-clock';

const SEND = /\/messages\/[^/]+\/send$/;
const DRAFTS = /\/users\/[^/]+\/messages$/;
const ONE_TRY = { attempts: 1, backoffMs: [0], maxWaitMs: 0 };

let fake: GraphFake;
let clock: VirtualClock;
graphFakePerTest(
  (f, c) => ((fake = f), (clock = c)),
  () => fake,
);

/** One fake listens at a time: this one replaces the test's default. */
function replaceFake(options: Parameters<typeof startGraphFake>[0]): GraphFake {
  fake.close();
  fake = startGraphFake(options);
  return fake;
}

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('GraphMailSender', () => {
  it('sends one email from the shared mailbox through a draft carrying the idempotency key', async () => {
    const { mailSender } = adaptersFor(fake, { clock });
    const result = await mailSender.send(anEmail('minutes:review-1'));

    const sent = fake.mail.sentFrom(SHARED_MAILBOX);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      subject: 'Minutes of the review',
      body: { contentType: 'HTML', content: '<p>The minutes are attached.</p>' },
      toRecipients: [{ emailAddress: { name: 'Pat Parent', address: 'pat.parent@example.org' } }],
    });
    expect([...sent[0]!.properties.values()]).toContain(keyDigest('minutes:review-1'));
    expect(result.reference).toBe(sent[0]!.internetMessageId);
    // Graph's sendMail (202, no id) is never used: a retry could not tell whether it had sent.
    expect(fake.requestsTo('POST', /\/sendMail$/)).toHaveLength(0);
    expect(fake.requests.every((r) => r.headers.authorization?.startsWith('Bearer fake-token-'))).toBe(true);
  });

  it('sends nothing more when the same key is sent again', async () => {
    const { mailSender } = adaptersFor(fake, { clock });
    const first = await mailSender.send(anEmail('minutes:review-1'));
    const second = await mailSender.send(anEmail('minutes:review-1'));

    expect(fake.mail.sentCount(SHARED_MAILBOX)).toBe(1);
    expect(second.reference).toBe(first.reference);
    expect(fake.requestsTo('POST', DRAFTS)).toHaveLength(1);
  });

  it('keys differing only in letter case are different emails', async () => {
    const { mailSender } = adaptersFor(fake, { clock });
    await mailSender.send(anEmail('minutes:Review-A'));
    await mailSender.send(anEmail('minutes:review-a'));
    expect(fake.mail.sentCount(SHARED_MAILBOX)).toBe(2);
  });

  it('after a crash between creating the draft and sending it, a fresh sender sends that draft: exactly one email', async () => {
    fake.fail({ method: 'POST', path: SEND, status: 503, times: 1 });
    const crashed = await failureOf(adaptersFor(fake, { clock, retryPolicy: ONE_TRY }).mailSender.send(anEmail('minutes:review-2')));
    expect(crashed).toBeInstanceOf(EffectFailure);
    expect(fake.mail.sentCount(SHARED_MAILBOX)).toBe(0);
    expect(fake.mail.drafts(SHARED_MAILBOX)).toHaveLength(1);

    await adaptersFor(fake, { clock }).mailSender.send(anEmail('minutes:review-2'));

    expect(fake.mail.sentCount(SHARED_MAILBOX)).toBe(1);
    expect(fake.requestsTo('POST', DRAFTS)).toHaveLength(1);
    expect(fake.mail.drafts(SHARED_MAILBOX)).toHaveLength(0);
  });

  it('a 503 on /send after Exchange did send, then a retry: exactly one email, and /send is not repeated', async () => {
    fake.fail({ method: 'POST', path: SEND, status: 503, when: 'after' });
    await adaptersFor(fake, { clock }).mailSender.send(anEmail('minutes:review-3'));

    expect(fake.mail.sentCount(SHARED_MAILBOX)).toBe(1);
    expect(fake.requestsTo('POST', SEND)).toHaveLength(1);
  });

  it('a 503 on /send before Exchange sent, then a retry: exactly one email', async () => {
    fake.fail({ method: 'POST', path: SEND, status: 503 });
    await adaptersFor(fake, { clock }).mailSender.send(anEmail('minutes:review-4'));

    expect(fake.mail.sentCount(SHARED_MAILBOX)).toBe(1);
    expect(fake.requestsTo('POST', SEND).map((r) => r.status).sort()).toEqual([202, 503]);
  });

  it('honours Retry-After: the retry reaches Graph no sooner than the wait it asked for', async () => {
    // 3 s, not the 1 s backoff the adapter would wait unasked (virtual time: the test does not wait).
    fake.fail({ method: 'POST', path: SEND, status: 429, retryAfterSeconds: 3 });
    await adaptersFor(fake, { clock }).mailSender.send(anEmail('minutes:review-5'));

    const throttled = fake.requests.find((r) => r.status === 429)!;
    const after = fake.requests.filter((r) => r.seq > throttled.seq);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => r.at >= throttled.at + 3000)).toBe(true);
    expect(clock.slept).toEqual([3000]);
    expect(fake.mail.sentCount(SHARED_MAILBOX)).toBe(1);
  });

  it('recovers from a 429 with Retry-After: 1 on the real clock (the default sleep)', async () => {
    const wallClockFake = replaceFake({});
    wallClockFake.fail({ method: 'GET', path: DRAFTS, status: 429, retryAfterSeconds: 1 });
    await adaptersFor(wallClockFake).mailSender.send(anEmail('minutes:review-6'));
    const lookups = wallClockFake.requestsTo('GET', DRAFTS);
    expect(lookups.map((r) => r.status)).toEqual(expect.arrayContaining([429, 200]));
    expect(wallClockFake.mail.sentCount(SHARED_MAILBOX)).toBe(1);
  });

  it('five parallel sends to one mailbox never have more than 4 requests in flight there', async () => {
    const slow = replaceFake({ now: clock.now, latencyMs: 25 });
    const { mailSender } = adaptersFor(slow, { clock });
    await Promise.all([1, 2, 3, 4, 5].map((n) => mailSender.send(anEmail(`minutes:parallel-${n}`))));
    expect(slow.peakConcurrency(SHARED_MAILBOX)).toBeLessThanOrEqual(4);
    expect(slow.requests.filter((r) => r.status === 429)).toHaveLength(0);
    expect(slow.mail.sentCount(SHARED_MAILBOX)).toBe(5);
  });

  it('sends attachments of 3 MB or more by upload session, in chunks of at most 4 MB, then sends once', async () => {
    const big = patternedBytes(3.5 * 1024 * 1024);
    const small = patternedBytes(10_000, 3);
    await adaptersFor(fake, { clock }).mailSender.send(
      anEmail('minutes:review-7', {
        attachments: [
          { filename: 'minutes.pdf', contentType: 'application/pdf', content: big },
          { filename: 'plan.pdf', contentType: 'application/pdf', content: small },
        ],
      }),
    );

    expect(fake.requestsTo('POST', /\/attachments\/createUploadSession$/)).toHaveLength(1);
    expect(fake.mail.chunkSizes.length).toBeGreaterThan(1);
    expect(fake.mail.chunkSizes.every((n) => n <= 4 * 1024 * 1024)).toBe(true);
    const draftPost = fake.requestsTo('POST', DRAFTS)[0]!;
    expect((draftPost.body as { attachments?: unknown }).attachments).toBeUndefined();
    const sent = fake.mail.sentFrom(SHARED_MAILBOX);
    expect(sent).toHaveLength(1);
    const byName = new Map(sent[0]!.attachments.map((a) => [a.name, a]));
    expect(byName.get('minutes.pdf')?.via).toBe('upload-session');
    expect(Buffer.compare(Buffer.from(byName.get('minutes.pdf')!.bytes), Buffer.from(big))).toBe(0);
    expect(Buffer.compare(Buffer.from(byName.get('plan.pdf')!.bytes), Buffer.from(small))).toBe(0);
  });

  it('sends attachments under 3 MB inline in the draft, with no upload session', async () => {
    const pdf = patternedBytes(2 * 1024 * 1024);
    await adaptersFor(fake, { clock }).mailSender.send(
      anEmail('minutes:review-8', { attachments: [{ filename: 'minutes.pdf', contentType: 'application/pdf', content: pdf }] }),
    );
    expect(fake.requestsTo('POST', /\/attachments\/createUploadSession$/)).toHaveLength(0);
    const [attachment] = fake.mail.sentFrom(SHARED_MAILBOX)[0]!.attachments;
    expect(attachment?.via).toBe('inline');
    expect(Buffer.compare(Buffer.from(attachment!.bytes), Buffer.from(pdf))).toBe(0);
  });

  it('an upload cut short leaves no half-finished email: the next try deletes that draft and sends one complete email', async () => {
    fake.fail({ method: 'PUT', path: /AttachmentSessions/, status: 503, times: 1 });
    const email = anEmail('minutes:review-9', {
      attachments: [{ filename: 'minutes.pdf', contentType: 'application/pdf', content: patternedBytes(4 * 1024 * 1024) }],
    });
    expect(await failureOf(adaptersFor(fake, { clock, retryPolicy: ONE_TRY }).mailSender.send(email))).toBeInstanceOf(EffectFailure);
    expect(fake.mail.sentCount(SHARED_MAILBOX)).toBe(0);

    await adaptersFor(fake, { clock }).mailSender.send(email);

    const sent = fake.mail.sentFrom(SHARED_MAILBOX);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.attachments.map((a) => a.bytes.length)).toEqual([4 * 1024 * 1024]);
    expect(fake.requestsTo('DELETE', /\/messages\/[^/]+$/)).toHaveLength(1);
    expect(fake.mail.drafts(SHARED_MAILBOX)).toHaveLength(0);
  });

  it('attaches the calendar invitation as a text/calendar file', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    await adaptersFor(fake, { clock }).mailSender.send(anEmail('invite:review-10', { calendarInvite: { method: 'REQUEST', ics } }));
    const [invite] = fake.mail.sentFrom(SHARED_MAILBOX)[0]!.attachments;
    expect(invite?.contentType).toMatch(/^text\/calendar; method=REQUEST/);
    expect(new TextDecoder().decode(invite!.bytes)).toBe(ics);
  });

  it('a request that times out is tried again, and the email still goes once', async () => {
    fake.fail({ method: 'GET', path: DRAFTS, delayMs: 400 });
    await adaptersFor(fake, { clock, requestTimeoutMs: 100 }).mailSender.send(anEmail('minutes:review-11'));
    expect(fake.mail.sentCount(SHARED_MAILBOX)).toBe(1);
    // The slow look-up was abandoned and asked again.
    expect(fake.requestsTo('GET', DRAFTS).length).toBeGreaterThanOrEqual(2);
  });

  it('gives up with a retryable THROTTLED failure carrying Retry-After when Graph keeps throttling', async () => {
    fake.fail({ method: 'GET', path: DRAFTS, status: 429, retryAfterSeconds: 7, times: 10 });
    const failure = await failureOf(adaptersFor(fake, { clock }).mailSender.send(anEmail('minutes:review-12')));
    expect(failure).toMatchObject({ code: 'THROTTLED', options: { retryable: true, retryAfterMs: 7000, mayHaveHappened: false } });
  });

  it('a failure after a /send that may have acted says so, even when the last try was refused for another reason', async () => {
    fake.fail({ method: 'POST', path: SEND, status: 504, when: 'after' });
    // The look-up after that lost answer is throttled for longer than the adapter waits.
    fake.fail({ method: 'GET', path: DRAFTS, status: 429, retryAfterSeconds: 60, skip: 1 });
    const failure = await failureOf(adaptersFor(fake, { clock }).mailSender.send(anEmail('minutes:review-14')));
    // The send may have happened (it did); the throttled look-up after it must not hide that.
    expect(failure).toMatchObject({ options: { retryable: true, mayHaveHappened: true } });
  });

  it('a wrong client secret is a refusal, not worth retrying', async () => {
    const failure = await failureOf(adaptersFor(fake, { clock, clientSecret: 'wrong' }).mailSender.send(anEmail('minutes:review-15')));
    expect(failure).toMatchObject({ code: 'AUTHENTICATION_FAILED', options: { retryable: false } });
  });

  it('an email with no recipient is refused before Graph is called', async () => {
    const failure = await failureOf(adaptersFor(fake, { clock }).mailSender.send(anEmail('minutes:review-16', { to: [] })));
    expect(failure).toMatchObject({ code: 'NO_ADDRESS', options: { retryable: false } });
    expect(fake.requests).toHaveLength(0);
  });
});
