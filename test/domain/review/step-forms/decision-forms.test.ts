import { outcomeValues, submit, walkTo } from '../review-builder';
import { NOW, errorsOf, parseStep, patchOf } from './form-test-kit';

const LATER = '2026-03-02T11:45:00.000Z';
const CLOSURE_IDS = ['managerAgreement', 'closureSummary', 'safetyPlanCirculated', 'stepAcrossConsidered'] as const;

describe('outcome', () => {
  it('turns a valid "continue" into exactly the typed decision, dated now', () => {
    const form = outcomeValues({ reason: ' Steady progress ', closureLikelyNextTime: false });
    expect(patchOf(parseStep('outcome', form))).toStrictEqual({
      outcome: { kind: 'continue', reason: 'Steady progress', leadProfessional: '', closureLikelyNextTime: false, decidedAt: NOW },
    });
  });

  it('a step down needs the lead professional who takes over', () => {
    expect(errorsOf(parseStep('outcome', outcomeValues({ kind: 'step-down', leadProfessional: ' ' })))).toEqual({
      leadProfessional: 'Name the lead professional who takes over in Early Help',
    });
    expect(patchOf(parseStep('outcome', outcomeValues({ kind: 'step-down', leadProfessional: 'Lee Lead' }))).outcome).toMatchObject({ kind: 'step-down', leadProfessional: 'Lee Lead' });
  });

  it.each(CLOSURE_IDS)('a close without %s is refused on that tick', (missing) => {
    const form = { ...outcomeValues({ kind: 'close' }), [missing]: 'false' };
    expect(errorsOf(parseStep('outcome', form))).toEqual({ [missing]: 'A CIN plan can only close once this is done (003, closure)' });
  });

  it('a close with nothing ticked names all four conditions', () => {
    expect(Object.keys(errorsOf(parseStep('outcome', outcomeValues({ kind: 'close', allClosureConditions: false }))))).toEqual([...CLOSURE_IDS]);
  });

  it('a close with all four conditions records them', () => {
    expect(patchOf(parseStep('outcome', outcomeValues({ kind: 'close', closureLikelyNextTime: false }))).outcome).toStrictEqual({
      kind: 'close', reason: 'Good progress; the plan needs minor amendments', leadProfessional: '', closureLikelyNextTime: false, decidedAt: NOW,
      closure: { managerAgreement: true, closureSummary: true, safetyPlanCirculated: true, stepAcrossConsidered: true },
    });
  });

  it('closure ticks are not stored for an outcome other than close', () => {
    expect(patchOf(parseStep('outcome', outcomeValues({ kind: 'assessment', allClosureConditions: true }))).outcome?.closure).toBeUndefined();
  });

  it.each([
    ['kind', { kind: '' }, 'Choose the outcome of the review'],
    ['kind', { kind: 'adjourn' }, 'Choose the outcome of the review'],
    ['reason', { reason: '  ' }, 'Record the reason for this decision'],
    ['reason', { reason: 'x'.repeat(4001) }, 'Remove 1 character: this is 4,001 characters and the limit is 4,000'],
    ['leadProfessional', { leadProfessional: 'x'.repeat(201) }, 'Remove 1 character: this is 201 characters and the limit is 200'],
  ])('%s: %j is refused with "%s"', (field, change, message) => {
    expect(errorsOf(parseStep('outcome', { ...outcomeValues(), ...change }))).toEqual({ [field]: message });
  });

  it('keeps the decision date while kind and reason stand; a new decision is dated anew', () => {
    const decided = submit(walkTo('outcome'));
    const first = decided.outcome!.decidedAt;
    expect(patchOf(parseStep('outcome', outcomeValues({ closureLikelyNextTime: false }), decided, LATER)).outcome?.decidedAt).toBe(first);
    expect(patchOf(parseStep('outcome', outcomeValues({ reason: 'Changed my mind' }), decided, LATER)).outcome?.decidedAt).toBe(LATER);
    expect(patchOf(parseStep('outcome', outcomeValues({ kind: 'assessment' }), decided, LATER)).outcome?.decidedAt).toBe(LATER);
  });

  it('an escalation records when the chair was told what to do next, once', () => {
    const escalated = submit(walkTo('outcome'), outcomeValues({ kind: 'escalate' }));
    const at = escalated.outcome!.escalationInstructedAt;
    expect(at).toBe(escalated.updatedAt);
    const again = patchOf(parseStep('outcome', outcomeValues({ kind: 'escalate', reason: 'Further concerns' }), escalated, LATER)).outcome;
    expect(again).toMatchObject({ escalationInstructedAt: at, decidedAt: LATER });
  });
});

describe('exit planning', () => {
  const valid = { agenciesAsked: 'true', exitStrategies: ' School keeps weekly check-ins ' };

  it('turns a valid form into exactly the typed exit plan', () => {
    expect(patchOf(parseStep('exit-planning', valid))).toStrictEqual({ exitPlanning: { agenciesAsked: true, exitStrategies: 'School keeps weekly check-ins' } });
  });

  it.each([
    ['agenciesAsked', { agenciesAsked: 'false' }, 'Tick once agencies have been asked to prepare exit strategies'],
    ['exitStrategies', { exitStrategies: '' }, "Record each agency's exit strategy or contingency"],
    ['exitStrategies', { exitStrategies: 'x'.repeat(4001) }, 'Remove 1 character: this is 4,001 characters and the limit is 4,000'],
  ])('%s: %j is refused with "%s"', (field, change, message) => {
    expect(errorsOf(parseStep('exit-planning', { ...valid, ...change }))).toEqual({ [field]: message });
  });

  it('an unticked box that was not sent at all is refused too', () => {
    expect(Object.keys(errorsOf(parseStep('exit-planning', { exitStrategies: 'x' })))).toEqual(['agenciesAsked']);
  });
});

describe('next meeting', () => {
  const valid = { familyPreference: 'online', proposedDate: '2026-03-30', proposedTime: '14:30' };

  it('turns a valid form into exactly the typed proposal, not yet booked', () => {
    expect(patchOf(parseStep('next-meeting', valid))).toStrictEqual({ nextMeeting: { familyPreference: 'online', parentPreferences: [], proposedDate: '2026-03-30', proposedTime: '14:30', dateReason: '', venue: '', schoolAgeChild: 'no', dateVerdict: null, booking: null } });
  });

  it('the time is optional', () => {
    expect(patchOf(parseStep('next-meeting', { ...valid, proposedTime: '' })).nextMeeting?.proposedTime).toBe('');
    expect(patchOf(parseStep('next-meeting', { familyPreference: 'in-person', proposedDate: '2026-03-03' })).nextMeeting?.proposedTime).toBe('');
  });

  it.each(['2026-03-02', '2026-03-01', '2025-12-31'])('a proposed date of %s is not after this meeting (2026-03-02)', (proposedDate) => {
    expect(errorsOf(parseStep('next-meeting', { ...valid, proposedDate }))).toEqual({ proposedDate: 'The next meeting must be after this one (2026-03-02)' });
  });

  it.each([
    ['proposedDate', { proposedDate: '' }, 'Propose a date for the next meeting'],
    ['proposedDate', { proposedDate: '2026-02-30' }, 'Enter a real date (for example 2026-12-01)'],
    ['proposedDate', { proposedDate: '2026-04-31' }, 'Enter a real date (for example 2026-12-01)'],
    ['familyPreference', { familyPreference: '' }, 'Ask the family: in person or on Teams? (or ask each parent)'],
    ['familyPreference', { familyPreference: 'by phone' }, 'Ask the family: in person or on Teams?'],
    ['proposedTime', { proposedTime: '24:00' }, 'Enter a time as HH:MM'],
    ['proposedTime', { proposedTime: '9:30' }, 'Enter a time as HH:MM'],
    ['proposedTime', { proposedTime: '10:60' }, 'Enter a time as HH:MM'],
    ['proposedTime', { proposedTime: '10am' }, 'Enter a time as HH:MM'],
  ])('%s: %j is refused with "%s"', (field, change, message) => {
    expect(errorsOf(parseStep('next-meeting', { ...valid, ...change }))).toEqual({ [field]: message });
  });
});
