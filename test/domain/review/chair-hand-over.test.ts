import fc from 'fast-check';
import { chairCandidates } from '../../../src/domain/review/chair-hand-over';
import { minutesOf } from '../../../src/domain/review/minutes';
import { ATTENDEE_ROLES, Review, TeamsPerson } from '../../../src/domain/review/review';
import { decide } from '../../../src/domain/review/review-machine';
import { CHAIR, OTHER, accept, attendeeValues, currentAttendeeRows, freshReview, walkTo } from './review-builder';

const TENANT = 'tenant-1';
const inTenant = (p: TeamsPerson, tenantId = TENANT): TeamsPerson => ({ ...p, tenantId });
const MUM: TeamsPerson = { teamsUserId: '29:mum', aadObjectId: 'aad-mum', name: 'Mo Mum' };
const GUEST: TeamsPerson = { teamsUserId: '29:guest', aadObjectId: 'aad-guest', name: 'Gil Guest' };
const NO_TENANT: TeamsPerson = { teamsUserId: '29:unknown', aadObjectId: 'aad-unknown', name: 'Una Unknown' };

/** A review whose chat holds the chair, a colleague, a parent, someone of another tenant and one the roster gave no tenant for. */
function reviewWithRoster(roles: Record<string, string> = {}): Review {
  const roster = [inTenant(CHAIR), inTenant(OTHER), inTenant(MUM), inTenant(GUEST, 'another-tenant'), NO_TENANT];
  const defaults: Record<string, string> = { [OTHER.name]: 'health', [MUM.name]: 'parent-carer', [GUEST.name]: 'police', [NO_TENANT.name]: 'gp', ...roles };
  return walkTo('child-voice', {
    from: freshReview(roster),
    forms: {
      introductions: (r) =>
        attendeeValues(currentAttendeeRows(r).map((row) => ({ ...row, role: row.name === CHAIR.name ? 'social-care' : (defaults[row.name] ?? 'other') }))),
      explanations: () => ({ roleAndModelExplained: 'true', camerasOnAsked: 'true' }),
    },
  });
}

const NOW = '2026-12-01T10:32:00.000Z';
const keyOf = (review: Review, person: TeamsPerson) => review.attendees.find((a) => a.teams?.teamsUserId === person.teamsUserId)!;

describe('who the chair can be handed to', () => {
  it('offers only professionals of this chat in the review’s tenant, never the chair', () => {
    expect(chairCandidates(reviewWithRoster()).map((a) => a.name)).toEqual([OTHER.name]);
  });

  it.each([
    ['a parent or carer', 'parent-carer', false],
    ['the child', 'child', false],
    ['family network', 'family-network', false],
    ['a role not yet chosen', '', false],
    ['health', 'health', true],
    ['school', 'school-nursery', true],
    ['social care', 'social-care', true],
    ['other professional', 'other', true],
  ])('%s (%s): offered %s', (_label, role, offered) => {
    const review = reviewWithRoster();
    const withRole = { ...review, attendees: review.attendees.map((a) => (a.teams?.teamsUserId === OTHER.teamsUserId ? { ...a, role: role === '' ? null : (role as Review['attendees'][number]['role']) } : a)) };
    expect(chairCandidates(withRole).some((a) => a.name === OTHER.name)).toBe(offered);
  });

  it('is refused server-side for anyone else: a parent, another tenant, a person the roster gave no tenant for', () => {
    const review = reviewWithRoster();
    for (const person of [MUM, GUEST, NO_TENANT, { teamsUserId: '29:forged', name: 'Forged' }]) {
      const d = decide(review, { type: 'hand-chair', to: person }, CHAIR, NOW);
      expect(d.ok ? 'accepted' : d.code).toBe('CHAIR_NOT_ELIGIBLE');
    }
  });

  it('a parent offered the chair as a professional by mistake is refused once their role is corrected', () => {
    const review = reviewWithRoster({ [MUM.name]: 'other' });
    expect(chairCandidates(review).map((a) => a.name)).toContain(MUM.name);
    const corrected = { ...review, attendees: review.attendees.map((a) => (a.name === MUM.name ? { ...a, role: 'parent-carer' as const } : a)) };
    expect(decide(corrected, { type: 'hand-chair', to: keyOf(corrected, MUM).teams! }, CHAIR, NOW)).toMatchObject({ ok: false, code: 'CHAIR_NOT_ELIGIBLE' });
  });

  it('records each hand-over (from, to, when); the old chair can take it back', () => {
    const review = reviewWithRoster();
    const handed = accept(review, { type: 'hand-chair', to: keyOf(review, OTHER).teams! }, CHAIR, NOW);
    expect(handed.chair.teamsUserId).toBe(OTHER.teamsUserId);
    expect(handed.chairHandOvers).toEqual([{ from: review.chair, to: keyOf(review, OTHER).teams, at: NOW }]);
    expect(chairCandidates(handed).map((a) => a.name)).toEqual([CHAIR.name]);
    const back = accept(handed, { type: 'hand-chair', to: keyOf(handed, CHAIR).teams! }, handed.chair, '2026-12-01T10:40:00.000Z');
    expect(back.chair.teamsUserId).toBe(CHAIR.teamsUserId);
    expect(back.chairHandOvers.map((h) => [h.from.name, h.to.name])).toEqual([[CHAIR.name, OTHER.name], [OTHER.name, CHAIR.name]]);
  });

  it('the minutes show the hand-overs, with the time and date in words', () => {
    const review = reviewWithRoster();
    const handed = accept(review, { type: 'hand-chair', to: keyOf(review, OTHER).teams! }, CHAIR, NOW);
    const entries = minutesOf(handed).flatMap((s) => s.entries);
    expect(entries).toContainEqual({ label: 'Chair handed over', value: `From ${CHAIR.name} to ${OTHER.name} at 10:32 on Tue 1 Dec 2026`, audience: 'everyone' });
    expect(minutesOf(review).flatMap((s) => s.entries).some((e) => e.label === 'Chair handed over')).toBe(false);
  });

  it('whatever the roles and tenants, an accepted hand-over goes to a professional of the review’s tenant in the chat', () => {
    const person = fc.record({
      role: fc.constantFrom(...ATTENDEE_ROLES, null),
      tenantId: fc.constantFrom(TENANT, 'another-tenant', undefined),
      inRoster: fc.boolean(),
    });
    fc.assert(
      fc.property(person, (p) => {
        const review = reviewWithRoster();
        const target: TeamsPerson = { ...OTHER, ...(p.tenantId ? { tenantId: p.tenantId } : {}) };
        const changed: Review = {
          ...review,
          rosterOffered: p.inRoster ? review.rosterOffered.map((r) => (r.teamsUserId === OTHER.teamsUserId ? target : r)) : review.rosterOffered.filter((r) => r.teamsUserId !== OTHER.teamsUserId),
          attendees: review.attendees.map((a) => (a.teams?.teamsUserId === OTHER.teamsUserId ? { ...a, role: p.role, teams: target } : a)),
        };
        const d = decide(changed, { type: 'hand-chair', to: target }, CHAIR, NOW);
        const eligible = p.inRoster && p.tenantId === TENANT && p.role !== null && !['child', 'parent-carer', 'family-network'].includes(p.role);
        expect(d.ok).toBe(eligible);
      }),
      { numRuns: 200 },
    );
  });
});
