/**
 * The fake refuses what Graph refuses: without these, the adapter tests could pass against a double
 * that accepts anything. Plain fetch, no adapter.
 */
import { GRAPH, GraphFake } from '../support/graph-fake/graph-fake';
import { patternedBytes, startGraphFake } from '../support/graph-fake/fake-adapters';

const MAILBOX = 'shared@council.example';
let fake: GraphFake;
let token: string;

beforeEach(async () => {
  fake = startGraphFake({ latencyMs: 20 });
  const answer = await fetch(`https://login.microsoftonline.com/${fake.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: fake.clientId, client_secret: fake.clientSecret, grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }),
  });
  token = ((await answer.json()) as { access_token: string }).access_token;
});
afterEach(async () => {
  await fake.settled();
  fake.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(path.startsWith('https://') ? path : `${GRAPH}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, any>) : undefined, text };
}

const utc = (iso: string) => ({ dateTime: iso, timeZone: 'UTC' });
const file = (bytes: number) => ({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.pdf', contentType: 'application/pdf', contentBytes: Buffer.from(patternedBytes(bytes)).toString('base64') });

describe('the Graph fake', () => {
  it('refuses a request without a token it issued', async () => {
    const answer = await fetch(`${GRAPH}/users/${MAILBOX}/messages`);
    expect(answer.status).toBe(401);
  });

  it('answers sendMail and /send with 202 and an empty body, and counts what was sent', async () => {
    const mail = await call('POST', `/users/${MAILBOX}/sendMail`, { message: { subject: 'a', toRecipients: [] } });
    expect([mail.status, mail.text]).toEqual([202, '']);
    const draft = await call('POST', `/users/${MAILBOX}/messages`, { subject: 'b' });
    const send = await call('POST', `/users/${MAILBOX}/messages/${draft.json!.id}/send`);
    expect([send.status, send.text]).toEqual([202, '']);
    expect(fake.mail.sentCount(MAILBOX)).toBe(2);
    // The draft is gone from Drafts: sending it again finds nothing.
    expect((await call('POST', `/users/${MAILBOX}/messages/${draft.json!.id}/send`)).status).toBe(404);
  });

  it('refuses inline attachments of 3 MB or more: in base64 they make the request over 4 MB (413)', async () => {
    const big = await call('POST', `/users/${MAILBOX}/messages`, { subject: 'x', attachments: [file(3 * 1024 * 1024)] });
    expect([big.status, big.json?.error?.code]).toEqual([413, 'RequestEntityTooLarge']);
    const twoHalves = await call('POST', `/users/${MAILBOX}/sendMail`, { message: { subject: 'x', attachments: [file(1.5 * 1024 * 1024), file(1.5 * 1024 * 1024)] } });
    expect(twoHalves.status).toBe(413);
    const under = await call('POST', `/users/${MAILBOX}/messages`, { subject: 'x', attachments: [file(2.9 * 1024 * 1024)] });
    expect(under.status).toBe(201);
  });

  it('answers a fifth request in flight to one mailbox with 429 ApplicationThrottled (MailboxConcurrency) and Retry-After', async () => {
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => call('GET', `/users/${MAILBOX}/messages`)));
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.json?.error).toMatchObject({ code: 'ApplicationThrottled', message: expect.stringContaining('MailboxConcurrency') });
    expect(throttled[0]!.headers.get('retry-after')).toBe('1');
    expect(fake.peakConcurrency(MAILBOX)).toBe(5);
  });

  it('takes an upload in order, refuses an Authorization header on the upload URL, and attaches the file', async () => {
    const draft = await call('POST', `/users/${MAILBOX}/messages`, { subject: 'x' });
    const session = await call('POST', `/users/${MAILBOX}/messages/${draft.json!.id}/attachments/createUploadSession`, {
      AttachmentItem: { attachmentType: 'file', name: 'big.pdf', size: 10 },
    });
    expect(session.status).toBe(201);
    const url = session.json!.uploadUrl as string;
    const put = (range: string, bytes: number, auth = false) =>
      fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': range, ...(auth ? { Authorization: `Bearer ${token}` } : {}) }, body: new Uint8Array(bytes) });
    expect((await put('bytes 0-5/10', 6, true)).status).toBe(401);
    expect((await put('bytes 4-9/10', 6)).status).toBe(400);
    const first = await put('bytes 0-5/10', 6);
    expect([first.status, ((await first.json()) as { nextExpectedRanges: string[] }).nextExpectedRanges]).toEqual([200, ['6-']]);
    const last = await put('bytes 6-9/10', 4);
    expect(last.status).toBe(201);
    expect(fake.mail.find(MAILBOX, draft.json!.id)?.attachments.map((a) => [a.name, a.bytes.length, a.via])).toEqual([['big.pdf', 10, 'upload-session']]);
  });

  it('replays a transactionId with the same body, refuses it with a different body', async () => {
    const body = { subject: 'r', start: { dateTime: '2027-01-15T14:00:00', timeZone: 'Europe/London' }, end: { dateTime: '2027-01-15T15:00:00', timeZone: 'Europe/London' }, transactionId: 't-1' };
    const first = await call('POST', `/users/${MAILBOX}/events`, body);
    const again = await call('POST', `/users/${MAILBOX}/events`, { ...body });
    const changed = await call('POST', `/users/${MAILBOX}/events`, { ...body, subject: 'other' });
    expect([first.status, again.status, again.json?.id]).toEqual([201, 201, first.json?.id]);
    expect([changed.status, changed.json?.error?.code]).toEqual([400, 'ErrorDuplicateTransactionId']);
    expect(fake.calendar.liveEvents(MAILBOX)).toHaveLength(1);
  });

  it('refuses getSchedule for more than 20 schedules, or a window of 62 days or more', async () => {
    const schedule = (n: number, end: string) =>
      call('POST', `/users/${MAILBOX}/calendar/getSchedule`, {
        schedules: Array.from({ length: n }, (_, i) => `p${i}@council.example`),
        startTime: utc('2027-01-01T00:00:00'),
        endTime: utc(end),
        availabilityViewInterval: 30,
      });
    expect((await schedule(20, '2027-03-03T23:59:00')).status).toBe(200);
    expect((await schedule(21, '2027-01-02T00:00:00')).status).toBe(400);
    const tooLong = await schedule(1, '2027-03-04T00:00:00');
    expect([tooLong.status, tooLong.json?.error?.code]).toEqual([400, 'ErrorInvalidTimeInterval']);
  });

  it('installs an app once: 201, then 409', async () => {
    const body = { 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/catalog-app-0001' };
    expect((await call('POST', '/users/u-1/teamwork/installedApps', body)).status).toBe(201);
    expect((await call('POST', '/users/u-1/teamwork/installedApps', body)).status).toBe(409);
  });

  it('scripts faults: the next N matching requests, before or after acting', async () => {
    fake.fail({ method: 'POST', path: /\/sendMail$/, status: 503, times: 2, when: 'after' });
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push((await call('POST', `/users/${MAILBOX}/sendMail`, { message: { subject: `m${i}` } })).status);
    expect(answers).toEqual([503, 503, 202]);
    expect(fake.mail.sentCount(MAILBOX)).toBe(3);
  });
});
