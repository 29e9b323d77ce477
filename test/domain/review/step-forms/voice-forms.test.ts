import { ChildVoice, Review, VOICE_SOURCES } from '../../../../src/domain/review/review';
import { FormValues } from '../../../../src/domain/review/step-forms';
import { attendeeValues, setUpValues, walkTo } from '../review-builder';
import { errorsOf, parseStep, patchOf } from './form-test-kit';

const voice = (i: number, v: Partial<Record<keyof ChildVoice, string>>): FormValues => {
  const base: Record<string, string> = {
    source: 'drawing-or-writing', ownWords: '', accountBy: '', account: '', seenAlone: 'yes', notSeenAloneReason: '',
    interpreter: 'not-needed', wishesAndFeelings: 'Wants to stay at her school', feelsSafe: 'yes', ...v,
  };
  return Object.fromEntries(Object.entries(base).map(([k, val]) => [`voices.${i}.${k}`, val]));
};

describe("the child's voice", () => {
  const twoChildren = (): Review =>
    walkTo('child-voice', { forms: { 'set-up': () => setUpValues({ children: [{ firstName: 'Amy', caseReference: 'A1' }, { firstName: 'Ben', caseReference: 'B2' }] }) } });

  it('turns a valid form into exactly one voice per child, keyed to the child', () => {
    const review = twoChildren();
    const [amy, ben] = review.setUp!.children;
    const form = {
      ...voice(0, { source: 'own-words-verbatim', ownWords: ' I want to live with mum ', wishesAndFeelings: 'To stay with mum', feelsSafe: 'unsure' }),
      ...voice(1, { source: 'shared-by-professional', accountBy: 'Ms Oak, teacher', account: 'Ben is quieter at school', seenAlone: 'no', notSeenAloneReason: 'Ben was ill', interpreter: 'non-family-interpreter' }),
    };
    expect(patchOf(parseStep('child-voice', form, review))).toStrictEqual({
      childVoices: [
        { childKey: amy!.key, source: 'own-words-verbatim', ownWords: 'I want to live with mum', accountBy: '', account: '', seenAlone: 'yes', notSeenAloneReason: '', interpreter: 'not-needed', wishesAndFeelings: 'To stay with mum', feelsSafe: 'unsure', attended: null, notAttendingReason: '' },
        { childKey: ben!.key, source: 'shared-by-professional', ownWords: '', accountBy: 'Ms Oak, teacher', account: 'Ben is quieter at school', seenAlone: 'no', notSeenAloneReason: 'Ben was ill', interpreter: 'non-family-interpreter', wishesAndFeelings: 'Wants to stay at her school', feelsSafe: 'yes', attended: null, notAttendingReason: '' },
      ],
    });
  });

  it("keeps the child's own words and someone's account in separate fields, never merged", () => {
    const form = voice(0, { source: 'child-in-meeting', ownWords: 'OWN-WORDS-ONLY', accountBy: 'Gran', account: 'ACCOUNT-ONLY' });
    const [v] = patchOf(parseStep('child-voice', form)).childVoices!;
    expect(v).toMatchObject({ ownWords: 'OWN-WORDS-ONLY', accountBy: 'Gran', account: 'ACCOUNT-ONLY' });
    expect(v!.wishesAndFeelings).not.toMatch(/OWN-WORDS|ACCOUNT/);
  });

  it.each(['child-in-meeting', 'own-words-verbatim', 'mind-of-my-own'])("%s needs the child's own words", (source) => {
    expect(errorsOf(parseStep('child-voice', voice(0, { source, account: 'x', accountBy: 'y' })))).toEqual({ 'voices.0.ownWords': "Record the child's own words, as they said them" });
  });

  it.each(['shared-by-professional', 'shared-by-family', 'observations'])('%s needs the account', (source) => {
    expect(errorsOf(parseStep('child-voice', voice(0, { source, ownWords: 'x' })))).toEqual({ 'voices.0.account': 'Record what was shared or observed' });
  });

  it.each(VOICE_SOURCES.map((s) => [s]))('%s: an account needs who shared it', (source) => {
    const errors = errorsOf(parseStep('child-voice', voice(0, { source, ownWords: 'x', account: 'Seems happier' })));
    expect(errors['voices.0.accountBy']).toBe('Say who shared this account');
  });

  it('a drawing or writing needs neither own words nor an account', () => {
    expect(parseStep('child-voice', voice(0, { source: 'drawing-or-writing' })).ok).toBe(true);
  });

  it('not seen alone needs a reason', () => {
    expect(errorsOf(parseStep('child-voice', voice(0, { seenAlone: 'no' })))).toEqual({ 'voices.0.notSeenAloneReason': 'Say why the child was not seen alone' });
  });

  it.each([
    ['source', { source: '' }, "Choose how the child's voice was obtained"],
    ['seenAlone', { seenAlone: 'maybe' }, 'Say whether the child has been seen alone since the last meeting'],
    ['interpreter', { interpreter: '' }, 'Say whether an interpreter was needed'],
    ['feelsSafe', { feelsSafe: 'sometimes' }, 'Say whether the child says they feel safe'],
    ['wishesAndFeelings', { wishesAndFeelings: '  ' }, "Record the child's wishes and feelings"],
    ['wishesAndFeelings', { wishesAndFeelings: 'x'.repeat(4001) }, 'Remove 1 character: this is 4,001 characters and the limit is 4,000'],
    ['ownWords', { ownWords: 'x'.repeat(4001) }, 'Remove 1 character: this is 4,001 characters and the limit is 4,000'],
    ['accountBy', { accountBy: 'x'.repeat(201), account: 'x' }, 'Remove 1 character: this is 201 characters and the limit is 200'],
  ])('%s: %j is refused with "%s"', (field, change, message) => {
    expect(errorsOf(parseStep('child-voice', voice(0, change)))[`voices.0.${field}`]).toBe(message);
  });

  it("an error in the second child's voice names the second row", () => {
    const form = { ...voice(0, {}), ...voice(1, { seenAlone: 'no' }) };
    expect(errorsOf(parseStep('child-voice', form, twoChildren()))).toEqual({ 'voices.1.notSeenAloneReason': 'Say why the child was not seen alone' });
  });

  it('every child needs a voice: a missing row is refused', () => {
    expect(Object.keys(errorsOf(parseStep('child-voice', voice(0, {}), twoChildren())))).toContain('voices.1.wishesAndFeelings');
  });
});

describe("the parents' voice", () => {
  const parents = (): Review =>
    walkTo('parents-voice', {
      forms: {
        introductions: () => attendeeValues([
          { name: 'Chris Chair', role: 'social-care' },
          { name: 'Pat Parent', role: 'parent-carer', attendance: 'present' },
          { name: 'Dan Dad', role: 'parent-carer', attendance: 'apologies' },
        ]),
      },
    });

  it('turns a valid form into exactly one voice per parent or carer, blank allowed for apologies', () => {
    const review = parents();
    const [, pat, dan] = review.attendees;
    const form = { 'parents.0.wantsFromToday': ' Less visits ', 'parents.0.raises': 'Housing', 'parents.0.viewsOnPlan': '' };
    expect(patchOf(parseStep('parents-voice', form, review))).toStrictEqual({
      parentVoices: [
        { attendeeKey: pat!.key, wantsFromToday: 'Less visits', raises: 'Housing', viewsOnPlan: '' },
        { attendeeKey: dan!.key, wantsFromToday: '', raises: '', viewsOnPlan: '' },
      ],
    });
  });

  it('a parent present needs what they want from today or their views on the plan', () => {
    expect(errorsOf(parseStep('parents-voice', { 'parents.0.raises': 'Only this' }, parents()))).toEqual({
      'parents.0.wantsFromToday': 'Record what Pat Parent wants from today, or their views on the plan',
    });
    expect(parseStep('parents-voice', { 'parents.0.viewsOnPlan': 'Helpful' }, parents()).ok).toBe(true);
  });

  it('limits what was said to 4000 characters', () => {
    expect(errorsOf(parseStep('parents-voice', { 'parents.1.raises': 'x'.repeat(4001), 'parents.0.viewsOnPlan': 'ok' }, parents()))).toEqual({
      'parents.1.raises': 'Remove 1 character: this is 4,001 characters and the limit is 4,000',
    });
  });
});

describe('updates from everyone', () => {
  const review = () =>
    walkTo('updates', {
      forms: {
        introductions: () => attendeeValues([
          { name: 'Chris Chair', role: 'social-care', attendance: 'present' },
          { name: 'Pat Parent', role: 'parent-carer' },
          { name: 'Gina GP', role: 'gp', attendance: 'apologies' },
          { name: 'Sam School', role: 'school-nursery', organisation: 'Oak Primary' },
        ]),
      },
    });

  it('turns a valid form into exactly one update per professional present', () => {
    const r = review();
    const form = { 'updates.0.update': ' Visited twice ', 'updates.1.update': 'No update' };
    expect(patchOf(parseStep('updates', form, r))).toStrictEqual({
      updates: [
        { attendeeKey: r.attendees[0]!.key, update: 'Visited twice', notForFamily: false, inWriting: false },
        { attendeeKey: r.attendees[3]!.key, update: 'No update', notForFamily: false, inWriting: false },
      ],
    });
  });

  it('each professional present gives an update, or "No update"', () => {
    expect(errorsOf(parseStep('updates', { 'updates.0.update': 'Visited', 'updates.1.update': ' ' }, review()))).toEqual({
      'updates.1.update': 'Record Sam School\'s update, or "No update"',
    });
  });
});
