import { Review } from '../../../../src/domain/review/review';
import { attendeeValues, currentAttendeeRows, setUpValues, submit, walkTo } from '../review-builder';
import { T36, errorsOf, parseStep, patchOf } from './form-test-kit';

describe('set-up', () => {
  it('turns a valid form into exactly the typed set-up, with new child keys', () => {
    const form = { ...setUpValues({ chairName: '  Chris Chair ', children: [{ firstName: ' Amy', caseReference: 'CIN-1001' }, { firstName: 'Ben', caseReference: 'LA/22-7' }] }) };
    expect(patchOf(parseStep('set-up', form))).toStrictEqual({
      setUp: {
        meetingType: 'initial', chairName: 'Chris Chair', chairRole: 'SSWOP', meetingDate: '2026-03-02', mode: 'online',
        planStartDate: '2026-03-02', policyPackId: 'leicestershire', leadWorker: 'SW', timescaleReason: '', lastReviewDate: '', caseOpenedDate: '',
        children: [
          { key: `child-${T36}-0`, firstName: 'Amy', caseReference: 'CIN-1001' },
          { key: `child-${T36}-1`, firstName: 'Ben', caseReference: 'LA/22-7' },
        ],
      },
      childVoices: [],
    });
  });

  it.each([
    ['meetingType', { meetingType: '' }, 'Choose the meeting type'],
    ['meetingType', { meetingType: 'annual' }, 'Choose the meeting type'],
    ['chairName', { chairName: '  ' }, "Enter the chair's name"],
    ['chairName', { chairName: 'x'.repeat(101) }, 'Remove 1 character: this is 101 characters and the limit is 100'],
    ['chairRole', { chairRole: 'Boss' }, "Choose the chair's role"],
    ['meetingDate', { meetingDate: '' }, 'Enter the meeting date'],
    ['planStartDate', { planStartDate: '' }, 'Enter the date the CIN plan started'],
    ['planStartDate', { planStartDate: '2026-03-03' }, 'The plan cannot start after this meeting'],
    ['leadWorker', { leadWorker: 'XX' }, 'Say whether a social worker or a key worker leads the plan'],
    ['policyPackId', { policyPackId: '' }, 'Choose the authority whose timescales apply'],
    ['meetingDate', { meetingDate: '2026-02-30' }, 'Enter a real date (for example 2026-12-01)'],
    ['meetingDate', { meetingDate: '02/03/2026' }, 'Enter a real date (for example 2026-12-01)'],
    ['mode', { mode: 'hybrid' }, 'Choose online or in person'],
    ['children.0.firstName', { 'children.0.firstName': '' }, "Enter the child's first name (first name only)"],
    ['children.0.firstName', { 'children.0.firstName': 'x'.repeat(101) }, 'Remove 1 character: this is 101 characters and the limit is 100'],
    ['children.0.caseReference', { 'children.0.caseReference': '' }, 'Enter the case reference'],
    ['children.0.caseReference', { 'children.0.caseReference': 'CIN 1001' }, 'Use letters, digits, "-" or "/" only, up to 30'],
    ['children.0.caseReference', { 'children.0.caseReference': 'C'.repeat(31) }, 'Use letters, digits, "-" or "/" only, up to 30'],
  ])('%s: %j is refused with "%s"', (field, change, message) => {
    expect(errorsOf(parseStep('set-up', { ...setUpValues(), ...change }))[field]).toBe(message);
  });

  it('errors on a second child name the second row', () => {
    const form = setUpValues({ children: [{ firstName: 'Amy', caseReference: 'A1' }, { firstName: 'Ben', caseReference: 'B 2' }] });
    expect(errorsOf(parseStep('set-up', form))).toEqual({ 'children.1.caseReference': 'Use letters, digits, "-" or "/" only, up to 30' });
  });

  it('needs at least one child, and at most six', () => {
    expect(errorsOf(parseStep('set-up', setUpValues({ children: [] })))).toEqual({ 'children.0.firstName': 'Enter at least one child' });
    expect(errorsOf(parseStep('set-up', setUpValues({ children: [{ firstName: '', caseReference: '' }] })))).toEqual({ 'children.0.firstName': 'Enter at least one child' });
    const seven = Array.from({ length: 7 }, (_, i) => ({ firstName: `C${i}`, caseReference: `R${i}` }));
    expect(errorsOf(parseStep('set-up', setUpValues({ children: seven })))['children.0.firstName']).toBe('At most 6 children in one review');
    expect(parseStep('set-up', setUpValues({ children: seven.slice(0, 6) })).ok).toBe(true);
  });

  it('ignores blank child rows', () => {
    const form = setUpValues({ children: [{ firstName: 'Amy', caseReference: 'A1' }, { firstName: ' ', caseReference: '' }] });
    expect(patchOf(parseStep('set-up', form)).setUp?.children.map((c) => c.firstName)).toEqual(['Amy']);
  });

  it("blanking a child's row removes the child and their voice, keeping the other child's key and voice", () => {
    const two = { 'set-up': () => setUpValues({ children: [{ firstName: 'Amy', caseReference: 'A1' }, { firstName: 'Ben', caseReference: 'B2' }] }) };
    const review = walkTo('minutes', { forms: two });
    const ben = review.setUp!.children[1]!;
    const patch = patchOf(parseStep('set-up', setUpValues({ children: [{ firstName: '', caseReference: '' }, { firstName: 'Ben', caseReference: 'B2' }] }), review));
    expect(patch.setUp?.children).toEqual([ben]);
    expect(patch.childVoices).toEqual(review.childVoices.filter((v) => v.childKey === ben.key));
    expect(patch.childVoices).toHaveLength(1);
  });
});

describe('introductions', () => {
  const at = (): Review => walkTo('introductions');

  it('keeps the chair from Teams (key and identity) and adds new people with new keys', () => {
    const review = at();
    const form = attendeeValues([
      { name: 'Chris Chair', role: 'social-care', organisation: 'Family Help', attendance: 'present', email: ' chris@example.org ' },
      { name: ' Pat Parent ', role: 'parent-carer', attendance: 'apologies', phone: '07700 900001', receivesMinutes: false, doNotShareContact: true },
    ]);
    expect(patchOf(parseStep('introductions', form, review))).toStrictEqual({
      attendees: [
        {
          key: 'attendee-roster-0', name: 'Chris Chair', role: 'social-care', organisation: 'Family Help', attendance: 'present',
          email: 'chris@example.org', phone: '', receivesMinutes: true, doNotShareContact: false, teams: review.chair,
        },
        {
          key: `attendee-${T36}-1`, name: 'Pat Parent', role: 'parent-carer', organisation: '', attendance: 'apologies',
          email: '', phone: '07700 900001', receivesMinutes: false, doNotShareContact: true,
        },
      ],
      parentVoices: [],
      updates: [],
    });
  });

  it.each([
    ['attendees.1.name', { 'attendees.1.name': '', 'attendees.1.organisation': 'Oak Primary' }, 'Enter the name'],
    ['attendees.1.name', { 'attendees.1.name': 'x'.repeat(101) }, 'Remove 1 character: this is 101 characters and the limit is 100'],
    ['attendees.1.role', { 'attendees.1.role': 'neighbour' }, 'Choose the role or agency'],
    ['attendees.1.attendance', { 'attendees.1.attendance': 'late' }, 'Choose present, apologies or absent'],
    ['attendees.1.organisation', { 'attendees.1.organisation': 'x'.repeat(201) }, 'Remove 1 character: this is 201 characters and the limit is 200'],
    ['attendees.1.contact', { 'attendees.1.contact': 'x'.repeat(101) }, 'Remove 1 character: this is 101 characters and the limit is 100'],
    ['attendees.1.email', { 'attendees.1.email': 'sam at oak' }, 'Enter an email address such as name@example.org, or leave it blank'],
    ['attendees.1.email', { 'attendees.1.email': 'sam@' }, 'Enter an email address such as name@example.org, or leave it blank'],
    ['attendees.1.email', { 'attendees.1.email': `${'x'.repeat(250)}@oak.sch.uk` }, 'Remove 7 characters: this is 261 characters and the limit is 254'],
  ])('%s: %j is refused with "%s"', (field, change, message) => {
    const form = { ...attendeeValues([{ name: 'Chris Chair', role: 'social-care' }, { name: 'Sam School', role: 'school-nursery' }]), ...change };
    expect(errorsOf(parseStep('introductions', form, at()))).toEqual({ [field]: message });
  });

  it.each([
    ['an email typed where the phone goes (as older cards had one contact box) is the email', { contact: ' pat@example.org ' }, { email: 'pat@example.org', phone: '' }],
    ['a phone is the phone', { contact: '07700 900001' }, { email: '', phone: '07700 900001' }],
    ['both, each in its own box', { email: 'pat@example.org', contact: '07700 900001' }, { email: 'pat@example.org', phone: '07700 900001' }],
    ['an email in the phone box beside an email keeps both as typed', { email: 'pat@example.org', contact: 'work: pat@work.org' }, { email: 'pat@example.org', phone: 'work: pat@work.org' }],
  ])('contacts: %s', (_case, typed, expected) => {
    const row = Object.fromEntries(Object.entries(typed).map(([k, v]) => [`attendees.1.${k}`, v]));
    const form = { ...attendeeValues([{ name: 'Chris Chair', role: 'social-care' }, { name: 'Pat Parent', role: 'parent-carer' }]), ...row };
    expect(patchOf(parseStep('introductions', form, at())).attendees?.[1]).toMatchObject(expected);
  });

  it('receives the minutes unless untoggled, and shares contacts unless marked', () => {
    const form = attendeeValues([{ name: 'Chris Chair', role: 'social-care' }]);
    delete (form as Record<string, string>)['attendees.0.receivesMinutes'];
    expect(patchOf(parseStep('introductions', form, at())).attendees?.[0]).toMatchObject({ receivesMinutes: true, doNotShareContact: false });
  });

  it('ignores a row with only its role and attendance chosen', () => {
    const form = { ...attendeeValues([{ name: 'Chris Chair', role: 'social-care' }]), 'attendees.1.role': 'health', 'attendees.1.attendance': 'present', 'attendees.1.name': ' ' };
    expect(patchOf(parseStep('introductions', form, at())).attendees).toHaveLength(1);
  });

  it('a remove tick drops the row; removing everyone is refused', () => {
    const review = walkTo('minutes');
    const rows = currentAttendeeRows(review);
    const patch = patchOf(parseStep('introductions', attendeeValues(rows.map((r, i) => ({ ...r, remove: i === 2 }))), review));
    expect(patch.attendees?.map((a) => a.name)).toEqual(['Chris Chair', 'Pat Parent']);
    expect(errorsOf(parseStep('introductions', attendeeValues(rows.map((r) => ({ ...r, remove: true }))), review))).toEqual({ 'attendees.0.name': 'Add at least one attendee' });
  });

  it('removing a parent drops their voice; removing a professional drops their update', () => {
    const review = walkTo('minutes');
    expect(review.parentVoices).toHaveLength(1);
    expect(review.updates).toHaveLength(2);
    const rows = currentAttendeeRows(review).map((r) => ({ ...r, remove: r.name !== 'Chris Chair' }));
    const patch = patchOf(parseStep('introductions', attendeeValues(rows), review));
    expect(patch.parentVoices).toEqual([]);
    expect(patch.updates).toEqual(review.updates.filter((u) => u.attendeeKey === 'attendee-roster-0'));
  });

  it('at most 20 attendees (what one card carries)', () => {
    const many = (n: number) => attendeeValues(Array.from({ length: n }, (_, i) => ({ name: `P${i}`, role: 'other' })));
    expect(parseStep('introductions', many(20), at()).ok).toBe(true);
    expect(errorsOf(parseStep('introductions', many(21), at()))['attendees.0.name']).toBe('At most 20 attendees');
  });
});

describe('explanations', () => {
  const reviewFor = (meetingType: string, mode: string) =>
    walkTo('introductions', { forms: { 'set-up': () => setUpValues({ meetingType, mode }) } });

  it.each([
    ['initial', 'online', {}, { roleAndModelExplained: 'Tick once you have explained your role and the Family Help model', camerasOnAsked: 'Tick once you have asked professionals to have cameras on' }],
    ['initial', 'in-person', {}, { roleAndModelExplained: 'Tick once you have explained your role and the Family Help model' }],
    ['progress', 'online', {}, { camerasOnAsked: 'Tick once you have asked professionals to have cameras on' }],
    ['initial', 'online', { roleAndModelExplained: 'true' }, { camerasOnAsked: 'Tick once you have asked professionals to have cameras on' }],
    ['progress', 'online', { roleAndModelExplained: 'true', camerasOnAsked: 'false' }, { camerasOnAsked: 'Tick once you have asked professionals to have cameras on' }],
  ])('a %s meeting held %s with %j needs %j', (type, mode, form, errors) => {
    expect(errorsOf(parseStep('explanations', form, reviewFor(type, mode)))).toEqual(errors);
  });

  it.each([
    ['initial', 'online', { roleAndModelExplained: 'true', camerasOnAsked: 'true' }, { roleAndModelExplained: true, camerasOnAsked: true }],
    ['initial', 'in-person', { roleAndModelExplained: 'true' }, { roleAndModelExplained: true, camerasOnAsked: false }],
    ['final', 'online', { camerasOnAsked: 'true' }, { roleAndModelExplained: false, camerasOnAsked: true }],
  ])('a %s meeting held %s accepts %j as %j', (type, mode, form, explanations) => {
    expect(patchOf(parseStep('explanations', form, reviewFor(type, mode)))).toStrictEqual({ explanations });
  });

  it('the walk records them', () => {
    expect(submit(walkTo('explanations')).explanations).toEqual({ roleAndModelExplained: true, camerasOnAsked: true });
  });
});
