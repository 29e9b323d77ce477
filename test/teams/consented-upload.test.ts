import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { EffectFailure } from '../../src/ports/effect-failure';
import { TeamsConsentedUploads } from '../../src/teams/consented-upload';

/** A stand-in upload session that answers as the test says and records what arrived. */
let server: Server;
let base = '';
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => reply(res, 201);
/** (Not chained: another test file's server library in the same worker may change what writeHead returns.) */
function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end('{}');
}
const received: Array<{ method: string; headers: IncomingMessage['headers']; body: Buffer }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
beforeEach(() => (received.length = 0));

const local = new TeamsConsentedUploads({ timeoutMs: 500, allowLoopbackHttp: true });
const bytes = Buffer.from('%PDF-1.7 a small file');

async function failureOf(work: Promise<unknown>): Promise<EffectFailure> {
  try {
    await work;
  } catch (error) {
    if (error instanceof EffectFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('the upload Teams asks for after a file consent accept', () => {
  it('PUTs the whole file in one range, with Content-Length and Content-Range, and no token', async () => {
    answer = (_req, res) => reply(res, 201);
    await local.upload(`${base}/session-1?sig=abc`, bytes, 'application/pdf');
    expect(received).toHaveLength(1);
    const [put] = received;
    expect(put!.method).toBe('PUT');
    expect(put!.headers).toMatchObject({ 'content-length': String(bytes.length), 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}`, 'content-type': 'application/pdf' });
    expect(put!.headers.authorization).toBeUndefined();
    expect(put!.body.equals(bytes)).toBe(true);
  });

  it.each([[200], [201]])('takes %i as done', async (status) => {
    answer = (_req, res) => reply(res, status);
    await expect(local.upload(`${base}/s`, bytes, 'application/pdf')).resolves.toBeUndefined();
  });

  it.each([
    [429, 'UPLOAD_THROTTLED', true, '7', 7000],
    [503, 'UPLOAD_503', true, undefined, undefined],
    [504, 'UPLOAD_504', true, undefined, undefined],
    [500, 'UPLOAD_500', true, undefined, undefined],
    [404, 'UPLOAD_404', false, undefined, undefined],
    [400, 'UPLOAD_400', false, undefined, undefined],
    [403, 'UPLOAD_403', false, undefined, undefined],
    [202, 'UPLOAD_INCOMPLETE', false, undefined, undefined],
  ])('answers %i as %s (retryable: %s)', async (status, code, retryable, retryAfter, retryAfterMs) => {
    answer = (_req, res) => reply(res, status, retryAfter ? { 'retry-after': retryAfter } : {});
    const failure = await failureOf(local.upload(`${base}/s`, bytes, 'application/pdf'));
    expect(failure.code).toBe(code);
    expect(failure.retryable).toBe(retryable);
    expect(failure.options.retryAfterMs).toBe(retryAfterMs);
  });

  it('no answer within the time limit is worth another try (it may have arrived)', async () => {
    answer = () => undefined; // never answers
    const failure = await failureOf(local.upload(`${base}/slow`, bytes, 'application/pdf'));
    expect(failure).toMatchObject({ code: 'UPLOAD_UNREACHABLE', options: { retryable: true, mayHaveHappened: true } });
  });

  it.each([
    ['plain http off this machine', 'http://upload.example.org/s', true],
    ['plain http to this machine, outside local mode', 'http://127.0.0.1:1/s', false],
    ['a URL with credentials', 'https://user:secret@contoso.sharepoint.com/s', true],
    ['not a URL', 'upload here', true],
  ])('refuses %s, and sends nothing', async (_why, url, allowLoopbackHttp) => {
    const uploads = new TeamsConsentedUploads({ timeoutMs: 500, allowLoopbackHttp });
    const failure = await failureOf(uploads.upload(url, bytes, 'application/pdf'));
    expect(failure).toMatchObject({ code: 'UPLOAD_URL_INVALID', options: { retryable: false } });
    expect(received).toEqual([]);
  });

  it('refuses an empty file', async () => {
    expect((await failureOf(local.upload(`${base}/s`, Buffer.alloc(0), 'application/pdf'))).code).toBe('UPLOAD_EMPTY');
    expect(received).toEqual([]);
  });
});
