import fc from 'fast-check';
import { deliveryPlan, Recipient } from '../../../src/domain/minutes-delivery';
import { Attendee, Review } from '../../../src/domain/review/review';
import { attendeesArb, markedReview } from './marked-review';

const person = (over: Partial<Attendee> & Pick<Attendee, 'key' | 'name'>): Attendee => ({
  role: 'health',
  organisation: '',
  attendance: 'present',
  email: '',
  phone: '',
  receivesMinutes: true,
  doNotShareContact: false,
  ...over,
});
const inTeams = (id: string, extra: Record<string, string> = {}) => ({ teams: { teamsUserId: `29:${id}`, aadObjectId: id, name: id, ...extra } });

function planFor(attendees: Attendee[], childLetters: string[] = []): Recipient[] {
  return deliveryPlan({ ...markedReview(attendees), id: 'rev-7', tenantId: 'tenant-a' } as Review, { childLetters });
}
const only = (attendee: Attendee, childLetters: string[] = []) => planFor([attendee], childLetters)[0];

describe('who receives which version of the minutes', () => {
  it.each([
    ['social-care', 'professionals'],
    ['school-nursery', 'professionals'],
    ['health', 'professionals'],
    ['gp', 'professionals'],
    ['police', 'professionals'],
    ['other', 'professionals'],
    ['parent-carer', 'family'],
    ['family-network', 'family'],
  ] as const)('a %s attendee gets the %s version', (role, version) => {
    expect(only(person({ key: 'a1', name: 'Dan Price', role, email: 'dan@example.org' }))).toMatchObject({ version, attendeeKey: 'a1' });
  });

  it.each(['present', 'apologies', 'absent'] as const)('an attendee marked %s receives them', (attendance) => {
    expect(planFor([person({ key: 'a1', name: 'Dan Price', attendance, email: 'dan@example.org' })])).toHaveLength(1);
  });

  it('nobody the chair unticked receives them', () => {
    expect(planFor([person({ key: 'a1', name: 'Dan Price', email: 'dan@example.org', receivesMinutes: false })])).toEqual([]);
  });

  it('a child receives their own letter only when the chair ticked them, addressed to the child of that name', () => {
    const amara = person({ key: 'c1', name: 'Amara Price', role: 'child', email: 'amara@example.org' });
    expect(planFor([amara])).toEqual([]);
    expect(only(amara, ['c1'])).toMatchObject({ version: 'child', childKey: 'c0', channel: 'email', deliveryKey: 'rev-7:minutes:c1:child' });
  });

  it('a ticked child the chair cannot match to a child of the review needs the chair', () => {
    const zed = person({ key: 'c9', name: 'Zed Price', role: 'child', email: 'zed@example.org' });
    expect(only(zed, ['c9'])).toMatchObject({ version: 'child', channel: 'needs-chair', reason: expect.stringContaining('Which child is Zed Price?') });
  });

  it('an attendee whose role is not chosen yet needs the chair (their version depends on it)', () => {
    expect(only(person({ key: 'a1', name: 'Dan Price', role: null, email: 'dan@example.org' }))).toMatchObject({ channel: 'needs-chair', reason: expect.stringContaining("Dan Price's role") });
  });
});

describe('how each is reached', () => {
  it('in Teams when the roster gave an Entra id, with the email kept as the fallback', () => {
    expect(only(person({ key: 'a1', name: 'Dan Price', email: 'dan@example.org', ...inTeams('AAD-1') }))).toMatchObject({
      channel: 'teams',
      teams: { aadObjectId: 'aad-1', tenantId: 'tenant-a', teamsUserId: '29:AAD-1' },
      email: 'dan@example.org',
    });
  });

  it('by email when the roster says the person is of another tenant (a guest)', () => {
    expect(only(person({ key: 'a1', name: 'Dan Price', email: 'dan@example.org', ...inTeams('aad-1', { tenantId: 'tenant-b' }) }))).toMatchObject({ channel: 'email' });
    expect(only(person({ key: 'a1', name: 'Dan Price', email: 'dan@example.org', ...inTeams('aad-1', { tenantId: 'TENANT-A' }) }))).toMatchObject({ channel: 'teams' });
  });

  it('in Teams with no Entra id is not Teams: email when there is one', () => {
    expect(only(person({ key: 'a1', name: 'Dan Price', email: 'dan@example.org', teams: { teamsUserId: '29:x', name: 'Dan' } }))).toMatchObject({ channel: 'email', email: 'dan@example.org' });
  });

  it('with neither, the chair is told plainly what to do', () => {
    expect(only(person({ key: 'a1', name: 'Dan Price', phone: '07700 900123' }))).toEqual({
      attendeeKey: 'a1',
      name: 'Dan Price',
      version: 'professionals',
      channel: 'needs-chair',
      deliveryKey: 'rev-7:minutes:a1:professionals',
      reason: 'No email address for Dan Price: add one',
    });
  });

  it('the delivery key is the review, the attendee and the version', () => {
    expect(only(person({ key: 'att-3', name: 'Pat', role: 'parent-carer', email: 'pat@example.org' }))?.deliveryKey).toBe('rev-7:minutes:att-3:family');
  });
});

describe('properties of the plan', () => {
  it('plans every attendee who receives exactly once, nobody else, each with a key of its own', () => {
    fc.assert(
      fc.property(attendeesArb, fc.func(fc.boolean()), (attendees, ticks) => {
        const childLetters = attendees.filter((a, i) => a.role === 'child' && ticks(i)).map((a) => a.key);
        const plan = planFor(attendees, childLetters);
        const receiving = attendees.filter((a) => a.receivesMinutes && (a.role !== 'child' || childLetters.includes(a.key)));
        expect(plan.map((r) => r.attendeeKey).sort()).toEqual(receiving.map((a) => a.key).sort());
        expect(new Set(plan.map((r) => r.deliveryKey)).size).toBe(plan.length);
        for (const r of plan) {
          const a = attendees.find((x) => x.key === r.attendeeKey)!;
          if (r.channel === 'teams') expect(a.teams?.aadObjectId).toBeTruthy();
          if (r.channel === 'email') expect(r.email).toBe(a.email);
          if (r.channel === 'needs-chair') expect(r.reason).toBeTruthy();
          expect(r.version === 'family').toBe(a.role === 'parent-carer' || a.role === 'family-network');
        }
      }),
      { numRuns: 150 },
    );
  });
});
