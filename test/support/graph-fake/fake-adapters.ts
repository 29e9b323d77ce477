import { createGraphAdapters, GraphAdapters } from '../../../src/graph/graph-connection';
import { RetryPolicy } from '../../../src/graph/graph-retry';
import { Email } from '../../../src/ports/mail-sender';
import { GraphFake, GraphFakeOptions } from './graph-fake';
import { VirtualClock } from './virtual-clock';

export const SHARED_MAILBOX = 'cin-reviews@council.example';
export const CATALOG_APP_ID = 'catalog-app-0001';

/** A listening fake; close it after the test. */
export function startGraphFake(options: GraphFakeOptions = {}): GraphFake {
  const fake = new GraphFake(options);
  fake.listen();
  return fake;
}

/**
 * For each test, a fresh fake on a fresh virtual clock, handed to `use`; after it, the fake then
 * current (`current`: a test may have replaced it) is let settle and closed.
 */
export function graphFakePerTest(use: (fake: GraphFake, clock: VirtualClock) => void, current: () => GraphFake): void {
  beforeEach(() => {
    const clock = new VirtualClock();
    use(startGraphFake({ now: clock.now }), clock);
  });
  afterEach(async () => {
    await current().settled();
    current().close();
  });
}

/**
 * The real adapters (real Graph client, real @azure/identity credential) pointed at the fake's tenant.
 * With a clock they sleep in virtual time; without, they sleep for real.
 */
export function adaptersFor(
  fake: GraphFake,
  options: { clock?: VirtualClock; retryPolicy?: RetryPolicy; requestTimeoutMs?: number; clientSecret?: string } = {},
): GraphAdapters {
  return createGraphAdapters(
    {
      tenantId: fake.tenantId,
      clientId: fake.clientId,
      clientSecret: options.clientSecret ?? fake.clientSecret,
      sharedMailbox: SHARED_MAILBOX,
      teamsAppCatalogId: CATALOG_APP_ID,
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    },
    {
      ...(options.clock ? { sleep: options.clock.sleep, now: options.clock.now } : {}),
      ...(options.retryPolicy ? { retryPolicy: options.retryPolicy } : {}),
    },
  );
}

export function anEmail(idempotencyKey: string, overrides: Partial<Email> = {}): Email {
  return {
    idempotencyKey,
    to: [{ name: 'Pat Parent', address: 'pat.parent@example.org' }],
    subject: 'Minutes of the review',
    text: 'The minutes are attached.',
    html: '<p>The minutes are attached.</p>',
    attachments: [],
    ...overrides,
  };
}

/** Bytes that differ along their length, so a mangled or reordered upload shows. */
export function patternedBytes(size: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + seed + (i >> 12)) & 0xff;
  return bytes;
}
