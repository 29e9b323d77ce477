import { Client, GraphRequest, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { graphFailure } from './graph-failure';
import { MailboxLimiter } from './mailbox-limiter';

export interface GraphCall {
  /** The mailbox the request touches (Outlook's per-mailbox limits), or none (Teams, directory). */
  readonly mailbox?: string;
  /** Does it change something? Then a 5xx or a timeout may still have acted. */
  readonly mutating: boolean;
  /** For messages: "send the email", "create the event". */
  readonly what: string;
}

/**
 * One HTTP request through the real Graph client and its middleware chain (auth, redirect, telemetry),
 * limited per mailbox, cut off after `timeoutMs`, never retried by the client itself
 * (`RetryHandlerOptions(0, 0)`: retrying is the adapters' decision, see graph-retry.ts),
 * its failure mapped to an EffectFailure (graph-failure.ts).
 */
export class GraphRequests {
  constructor(
    private readonly client: Client,
    private readonly limiter: MailboxLimiter,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async send<T>(call: GraphCall, path: string, perform: (request: GraphRequest) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const request = this.client
        .api(path)
        .middlewareOptions([new RetryHandlerOptions(0, 0)])
        .option('signal', AbortSignal.timeout(this.timeoutMs));
      try {
        return await perform(request);
      } catch (error) {
        throw graphFailure(error, { mutating: call.mutating, what: call.what, now: this.now() });
      }
    };
    return call.mailbox === undefined ? run() : this.limiter.run(call.mailbox, run);
  }
}

/** `/users/{id}` with the id escaped for a path segment. */
export function userPath(user: string): string {
  return `/users/${encodeURIComponent(user)}`;
}
