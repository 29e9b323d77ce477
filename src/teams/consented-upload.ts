import { ConsentedUploads } from '../ports/consented-upload';
import { EffectFailure } from '../ports/effect-failure';

const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface ConsentedUploadOptions {
  /** Time limit of the PUT. */
  readonly timeoutMs: number;
  /** Local mode only: a plain-http upload URL on this machine (the local connector's). Otherwise https only. */
  readonly allowLoopbackHttp: boolean;
}

/**
 * The upload Teams asks for once a user accepts a file consent card: one PUT of the whole file to
 * `uploadInfo.uploadUrl` (a OneDrive upload session, already authorised: no token is sent), with
 * `Content-Length: n` and `Content-Range: bytes 0-(n-1)/n`, as Microsoft documents for bots
 * ("Send and receive files using bot", learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4).
 * 200 or 201 is done. The URL is never logged: it grants writing to the user's OneDrive.
 */
export class TeamsConsentedUploads implements ConsentedUploads {
  constructor(private readonly options: ConsentedUploadOptions) {}

  async upload(uploadUrl: string, bytes: Uint8Array, contentType: string): Promise<void> {
    this.checkUrl(uploadUrl);
    const n = bytes.byteLength;
    if (n === 0) throw new EffectFailure('UPLOAD_EMPTY', 'nothing to upload', { retryable: false });
    let response: Response;
    try {
      response = await fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'content-type': contentType, 'content-length': String(n), 'content-range': `bytes 0-${n - 1}/${n}` },
        body: bytes,
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new EffectFailure('UPLOAD_UNREACHABLE', `the upload did not get an answer (${(error as Error).name})`, { retryable: true, mayHaveHappened: true });
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.status === 200 || response.status === 201) return;
    // 202: the session still expects bytes. It cannot, after the whole file in one range.
    if (response.status === 202) throw new EffectFailure('UPLOAD_INCOMPLETE', 'the upload session asked for more of the file', { retryable: false });
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new EffectFailure(response.status === 429 ? 'UPLOAD_THROTTLED' : `UPLOAD_${response.status}`, `the upload was refused (${response.status})`, {
      retryable: RETRYABLE.has(response.status),
      mayHaveHappened: response.status >= 500,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    });
  }

  private checkUrl(uploadUrl: string): void {
    let url: URL;
    try {
      url = new URL(uploadUrl);
    } catch {
      throw new EffectFailure('UPLOAD_URL_INVALID', 'the upload URL cannot be read', { retryable: false });
    }
    const local = this.options.allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !local) throw new EffectFailure('UPLOAD_URL_INVALID', 'the upload URL is not https', { retryable: false });
    if (url.username || url.password) throw new EffectFailure('UPLOAD_URL_INVALID', 'the upload URL carries credentials', { retryable: false });
  }
}
