import { silentLogger } from '../../src/logging/logger';
import { OutboxDispatcher } from '../../src/outbox/outbox-dispatcher';
import { MAX_MINUTES_CARD_BYTES, MINUTES_TEAMS } from '../../src/minutes-delivery';
import { DeliveryStore } from '../../src/ports/delivery-store';
import { EffectFailure } from '../../src/ports/effect-failure';
import { PROFESSIONALS_ONLY_MARKERS } from '../domain/minutes-delivery/marked-review';
import { cardOf } from '../support/local-connector';
import { PdfReader, plainText } from '../support/pdf-reader';
import { DeliveryRig, attendee } from './delivery-rig';

const reader = new PdfReader();
afterAll(() => reader.close());

/** Everyone at the meeting, each reached another way. */
const ATTENDEES = [
  attendee('sw', 'Sue Worker', 'social-care', { email: 'sue.worker@council.example', phone: '07700 900101', aad: 'aad-sue' }),
  attendee('mum', 'Mia Mum', 'parent-carer', { email: 'mia.mum@example.net', phone: '07700 900102', aad: 'aad-mia' }),
  attendee('dad', 'Dev Dad', 'parent-carer', { email: 'dev.dad@example.net', phone: '07700 900103' }),
  attendee('gp', 'Gita GP', 'gp', { email: 'gita.gp@nhs.example', phone: '0116 496 0104' }),
  attendee('nurse', 'Nia Nurse', 'health', { email: 'nia.nurse@nhs.example', phone: '0116 496 0105', doNotShareContact: true }),
  attendee('gran', 'Gwen Gran', 'family-network', { email: 'gwen.gran@example.net', aad: 'aad-gwen' }),
  attendee('uncle', 'Dan Price', 'family-network', { aad: 'aad-dan' }),
  attendee('pc', 'Pat Police', 'police', { phone: '101 0107' }),
  attendee('amara', 'Amara', 'child', { email: 'amara@example.net' }),
  attendee('bo', 'Bo', 'child', { email: 'bo@example.net' }),
];
const CONTACTS = ATTENDEES.flatMap((a) => [a.email, a.phone]).filter((c) => c !== '');
const SHAREABLE = ATTENDEES.filter((a) => !a.doNotShareContact).flatMap((a) => [a.email, a.phone]).filter((c) => c !== '');

describe('minutes delivery after sign-off: Teams through the local connector, email to the mail folder (SQLite)', () => {
  let rig: DeliveryRig;
  beforeAll(async () => {
    rig = await new DeliveryRig().start(ATTENDEES, { childLetters: ['amara'] });
    rig.connector.notInstalled.add('aad-gwen').add('aad-dan');
    await rig.signOff();
    await rig.deliverAll();
  });
  afterAll(() => rig.stop());

  it('records one delivery per recipient, each as it went', async () => {
    const byKey = Object.fromEntries((await rig.deliveries.ofReview('review-7')).map((d) => [d.attendeeKey, [d.channel, d.version, d.status]]));
    expect(byKey).toEqual({
      sw: ['teams', 'professionals', 'sent'],
      mum: ['teams', 'family', 'sent'],
      dad: ['email', 'family', 'sent'],
      gp: ['email', 'professionals', 'sent'],
      nurse: ['email', 'professionals', 'sent'],
      gran: ['email', 'family', 'sent'],
      uncle: ['teams', 'family', 'needs-chair'],
      pc: ['needs-chair', 'professionals', 'needs-chair'],
      amara: ['email', 'child', 'sent'],
    });
    const uncle = await rig.deliveries.get('review-7:minutes:uncle:family');
    expect(uncle?.lastError).toBe('Dan Price cannot be reached in Teams (the app is not installed for them) and has no email address: add one');
    expect((await rig.deliveries.get('review-7:minutes:pc:professionals'))?.lastError).toBe('No email address for Pat Police: add one');
  });

  it('each Teams recipient has exactly one message, in a 1:1 chat started with their Entra id', () => {
    for (const aad of ['aad-sue', 'aad-mia']) {
      const chat = rig.connector.personalChatOf(aad)!;
      expect(rig.connector.postedTo(chat)).toHaveLength(1);
    }
    expect(rig.connector.created.map((c) => c.memberIds[0]).sort()).toEqual(['aad-mia', 'aad-sue']);
    // The meeting chat was told only how many were sent: one line, no content.
    const told = rig.connector.postedTo('19:meeting@thread.v2');
    expect(told).toHaveLength(1);
    const shown = [told[0]!, ...rig.connector.updates().filter((u) => u.id === told[0]!.id)].at(-1)!;
    expect(JSON.stringify(shown.activity)).toContain('Minutes sent to 7 of 9 attendees.');
  });

  it("the family's card has no professionals-only text and no contact detail; the professionals' has them", () => {
    const cardJson = (aad: string) => JSON.stringify(cardOf(rig.connector.postedTo(rig.connector.personalChatOf(aad)!)[0]!.activity));
    const family = cardJson('aad-mia');
    const professionals = cardJson('aad-sue');
    for (const marker of PROFESSIONALS_ONLY_MARKERS) {
      expect(family).not.toContain(marker);
      expect(professionals).toContain(marker);
    }
    for (const c of CONTACTS) expect(family).not.toContain(c);
    for (const c of SHAREABLE) expect(professionals).toContain(c);
    expect(professionals).not.toContain('nia.nurse@nhs.example');
    expect(Buffer.byteLength(professionals)).toBeLessThanOrEqual(MAX_MINUTES_CARD_BYTES);
  });

  it('writes one email per email recipient, with the version as a PDF and a text and HTML body', async () => {
    const emails = await rig.emails();
    expect(emails.map((e) => e.mail.to && 'value' in e.mail.to ? e.mail.to.value[0]!.address : '').sort()).toEqual(
      ['amara@example.net', 'dev.dad@example.net', 'gita.gp@nhs.example', 'gwen.gran@example.net', 'nia.nurse@nhs.example'].sort(),
    );
    for (const { mail } of emails) {
      expect(mail.text).toContain('Dear ');
      expect(mail.html).toContain('<p>Dear ');
      expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    }
  });

  it("the family's PDF lacks every professionals-only marker and every contact detail; the professionals' has them", async () => {
    const pdfTextFor = async (address: string) => {
      const email = (await rig.emails()).find((e) => e.mail.to && 'value' in e.mail.to && e.mail.to.value[0]!.address === address)!;
      return plainText(await reader.read(email.mail.attachments[0]!.content));
    };
    const family = await pdfTextFor('dev.dad@example.net');
    const professionals = await pdfTextFor('gita.gp@nhs.example');
    const child = await pdfTextFor('amara@example.net');
    expect(family).toContain('Minutes for the family');
    expect(professionals).toContain('Minutes for professionals');
    expect(child).toContain('Dear Amara');
    expect(child).toContain('OWN-WORDS-Amara');
    for (const marker of PROFESSIONALS_ONLY_MARKERS) {
      expect(family).not.toContain(marker);
      expect(child).not.toContain(marker);
      expect(professionals).toContain(marker);
    }
    for (const c of CONTACTS) {
      expect(family).not.toContain(c);
      expect(child).not.toContain(c);
    }
    for (const c of SHAREABLE) expect(professionals).toContain(c);
    expect(professionals).not.toContain('nia.nurse@nhs.example');
  });

  it('a child the chair did not tick receives nothing', async () => {
    expect(await rig.deliveries.get('review-7:minutes:bo:child')).toBeUndefined();
    expect((await rig.emails()).some((e) => e.mail.text?.includes('Bo'))).toBe(false);
  });

  it('planning again (a second process, a redelivered effect) queues nothing new and sends nothing again', async () => {
    const before = { posted: rig.connector.posted().length, emails: (await rig.emails()).length, effects: (await rig.outbox.ofReview('review-7')).length };
    const plan = (await rig.outbox.ofReview('review-7')).find((e) => e.kind === 'minutes.plan')!;
    await rig.handlers['minutes.plan']!.perform(plan);
    for (const e of await rig.outbox.ofReview('review-7')) if (e.kind !== 'minutes.plan') await rig.handlers[e.kind]!.perform(e);
    expect(rig.connector.posted()).toHaveLength(before.posted);
    expect(await rig.emails()).toHaveLength(before.emails);
    expect(await rig.outbox.ofReview('review-7')).toHaveLength(before.effects);
  });
});

describe('installing the app for someone Teams does not let the bot reach', () => {
  let rig: DeliveryRig;
  afterEach(() => rig.stop());

  it('installs it (Graph) and tries once more: one message, in Teams', async () => {
    const installed: string[] = [];
    rig = await new DeliveryRig().start([attendee('mum', 'Mia Mum', 'parent-carer', { email: 'mia@example.net', aad: 'aad-mia' })], {
      installer: { installForUser: async (id) => (installed.push(id), rig.connector.notInstalled.delete(id), 'installed') },
    });
    rig.connector.notInstalled.add('aad-mia');
    await rig.signOff();
    await rig.deliverAll();
    expect(installed).toEqual(['aad-mia']);
    expect(rig.connector.postedTo(rig.connector.personalChatOf('aad-mia')!)).toHaveLength(1);
    expect(await rig.deliveries.get('review-7:minutes:mum:family')).toMatchObject({ status: 'sent', channel: 'teams' });
    expect(await rig.emails()).toEqual([]);
  });

  it('when installing is refused for good, falls back to email', async () => {
    rig = await new DeliveryRig().start([attendee('mum', 'Mia Mum', 'parent-carer', { email: 'mia@example.net', aad: 'aad-mia' })], {
      installer: { installForUser: async () => Promise.reject(new EffectFailure('GRAPH_403', 'Forbidden', { retryable: false })) },
    });
    rig.connector.notInstalled.add('aad-mia');
    await rig.signOff();
    await rig.deliverAll();
    expect(await rig.deliveries.get('review-7:minutes:mum:family')).toMatchObject({ status: 'sent', channel: 'email', attempts: 2 });
    expect(await rig.emails()).toHaveLength(1);
    expect(rig.connector.posted().filter((p) => p.conversationId !== '19:meeting@thread.v2')).toEqual([]);
  });
});

describe('a process that dies between the send and its record', () => {
  let rig: DeliveryRig;
  afterEach(() => rig.stop());

  /** A delivery store whose first record of a send is lost, as when the process dies right after sending. */
  const crashOnFirstSentRecord = (crashes: string[]) => (store: DeliveryStore): DeliveryStore => ({
    queue: (d, e, now) => store.queue(d, e, now),
    get: (key) => store.get(key),
    ofReview: (id) => store.ofReview(id),
    reportMessage: (id) => store.reportMessage(id),
    unsentOfChair: (t, c) => store.unsentOfChair(t, c),
    recordReportMessage: (id, message, now) => store.recordReportMessage(id, message, now),
    record: async (key, outcome, now, effects) => {
      if (outcome.status === 'sent' && !crashes.includes(key)) {
        crashes.push(key);
        throw new Error('the process died here');
      }
      return store.record(key, outcome, now, effects);
    },
  });

  it('Teams: the second attempt sends a second copy (counted: 1), in the same 1:1 chat, and then records it', async () => {
    const crashes: string[] = [];
    rig = await new DeliveryRig().start([attendee('sw', 'Sue Worker', 'social-care', { aad: 'aad-sue' })], { deliveries: crashOnFirstSentRecord(crashes) });
    await rig.signOff();
    await rig.handlers['minutes.plan']!.perform((await rig.outbox.ofReview('review-7'))[0]!);
    const teams = (await rig.outbox.ofReview('review-7')).find((e) => e.kind === MINUTES_TEAMS)!;
    await expect(rig.handlers[MINUTES_TEAMS]!.perform(teams)).rejects.toThrow('the process died here');
    // The effect was never completed: its lease runs out and it is performed again.
    await rig.handlers[MINUTES_TEAMS]!.perform({ ...teams, attempts: 1 });
    await rig.handlers[MINUTES_TEAMS]!.perform({ ...teams, attempts: 2 });
    const chat = rig.connector.personalChatOf('aad-sue')!;
    const duplicates = rig.connector.postedTo(chat).length - 1;
    expect(duplicates).toBe(1);
    expect(rig.connector.created).toHaveLength(1);
    expect(await rig.deliveries.get('review-7:minutes:sw:professionals')).toMatchObject({ status: 'sent', channel: 'teams' });
  });

  it('email: no second copy, the mail folder keys each email by its delivery', async () => {
    const crashes: string[] = [];
    rig = await new DeliveryRig().start([attendee('dad', 'Dev Dad', 'parent-carer', { email: 'dev@example.net' })], { deliveries: crashOnFirstSentRecord(crashes) });
    await rig.signOff();
    await rig.handlers['minutes.plan']!.perform((await rig.outbox.ofReview('review-7'))[0]!);
    const email = (await rig.outbox.ofReview('review-7')).find((e) => e.kind === 'minutes.email')!;
    await expect(rig.handlers['minutes.email']!.perform(email)).rejects.toThrow('the process died here');
    await rig.handlers['minutes.email']!.perform({ ...email, attempts: 1 });
    expect(await rig.emails()).toHaveLength(1);
    expect(await rig.deliveries.get('review-7:minutes:dad:family')).toMatchObject({ status: 'sent', channel: 'email' });
  });
});

describe('a Teams send that outlives the time limit', () => {
  let rig: DeliveryRig;
  afterEach(() => rig.stop());

  it('is not sent again beside itself: its retry waits out the lease it was taken under, then finds it sent', async () => {
    rig = await new DeliveryRig().start([attendee('sw', 'Sue Worker', 'social-care', { aad: 'aad-sue' })]);
    rig.connector.personalPostDelayMs = 300; // Teams answers after the dispatcher stopped waiting
    await rig.signOff();
    const dispatcher = new OutboxDispatcher({ outbox: rig.outbox, handlers: rig.handlers, logger: silentLogger, callTimeoutMs: 50, leaseMs: 600, retry: { baseMs: 1, capMs: 1, maxAttempts: 10 } });
    const teamsDone = async () => (await rig.outbox.ofReview('review-7')).some((e) => e.kind === MINUTES_TEAMS && e.status === 'done');
    for (let round = 0; round < 200 && !(await teamsDone()); round++) {
      await dispatcher.runOnce();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await teamsDone()).toBe(true);
    expect(await rig.deliveries.get('review-7:minutes:sw:professionals')).toMatchObject({ status: 'sent', channel: 'teams' });
    expect(rig.connector.postedTo(rig.connector.personalChatOf('aad-sue')!)).toHaveLength(1);
  });
});
