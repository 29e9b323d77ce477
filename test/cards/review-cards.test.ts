import { STEP_IDS, StepId } from '../../src/domain/review/review';
import { CardTemplates, TEMPLATE_NAMES } from '../../src/cards/card-templates';
import { ReviewCards } from '../../src/cards/review-cards';
import { CHAT_COMMANDS } from '../../src/use-cases/chat-command';
import { validateAdaptiveCard } from './card-schema/validate-card';
import { largeReview } from './large-review';
import { MAX_ACTIONS, MAX_ATTENDEES, MAX_CHILDREN, MAX_STATEMENTS } from '../../src/domain/review/step-forms';
import { shown, textOf } from '../support/card-reader';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/project/project-root';
import { STEPS, StepDefinition } from '../../src/domain/review/steps';
import { booked } from '../support/booking-fixtures';

const cards = new ReviewCards(new CardTemplates(), { packChoices: [{ title: 'Leicestershire County Council', value: 'leicestershire' }], defaultPackId: 'leicestershire' });
const today = '2026-11-24';

function everyCard(review = largeReview()) {
  const rendered: Array<[string, object]> = STEP_IDS.map((step: StepId) => [
    `step ${step}`,
    cards.forChair({ ...review, currentStep: step }, { today }),
  ]);
  rendered.push(
    ['step with errors', cards.forChair({ ...review, currentStep: 'plan' }, { today, errors: { 'actions.3.who': 'Every action needs an owner' }, notice: 'Some answers need attention.' })],
    ['minutes signed off', cards.minutes({ ...review, status: 'signed-off', signOff: { by: review.chair, at: '2026-11-24T11:00:00Z' } }, { today })],
    ['progress', cards.progress(review, 'Only Chris Chair can change this review.')],
    ['progress signed off', cards.progress({ ...review, status: 'signed-off', signOff: { by: review.chair, at: '2026-11-24T11:00:00Z' } })],
    ['confirm hand-over', cards.confirmHandOver(review, { attendeeKey: review.attendees[1]!.key, name: review.attendees[1]!.name })],
    ['confirm sign-off', cards.confirmSignOff(review)],
    ['last minutes, for the chair only', cards.lastMinutesForChair({ ...review, status: 'signed-off', signOff: { by: review.chair, at: '2026-11-24T11:00:00Z' } })],
    ['minutes with hand-overs', cards.minutes({ ...review, chairHandOvers: Array.from({ length: 20 }, (_, i) => ({ from: review.chair, to: { teamsUserId: `29:p${i}`, name: review.attendees[1]!.name }, at: '2026-11-24T10:00:00Z' })) }, { today })],
    ['confirm cancel', cards.confirmCancel(review)],
    ['help', cards.help(CHAT_COMMANDS)],
    ['due list', cards.due(Array.from({ length: 40 }, (_, i) => ({ caseReference: `CIN-${i}`, kind: 'review-overdue' as const, due: '2026-11-01', daysOverdue: 40 - i, message: 'The review is overdue: the procedure says every 4-6 weeks.', alertId: 'review-overdue' })), today, 'Recorded.')],
    ['due list, empty', cards.due([], today)],
    ['next meeting with times offered', cards.forChair({ ...review, currentStep: 'next-meeting', slotOffer: OFFER }, { today })],
    ['minutes signed off, next meeting booked', cards.minutes({ ...signedOffBooked(review) }, { today })],
    ['the next meeting booked', cards.booking(review, BOOKED)],
    ['the next meeting, a move refused', cards.booking(review, { ...BOOKED, online: true, joinUrlMissing: true }, { typed: { moveDate: '2026-01-01', moveTime: '10:00' }, errors: { moveDate: 'That time has passed: choose a later one.' }, notice: 'Some answers need attention.', noticeColor: 'Attention' })],
    ['the next meeting cancelled', cards.booking(review, { ...BOOKED, status: 'cancelled', cancelReason: 'Family unwell' })],
  );
  return rendered;
}

const OFFER = {
  slots: Array.from({ length: 5 }, (_, i) => ({ start: `2026-12-2${i}T15:30:00.000Z`, end: `2026-12-2${i}T16:30:00.000Z`, date: `2026-12-2${i}`, time: '15:30', endTime: '16:30' })),
  unreadable: ['Pat Parent', 'Kofi Dad'],
  schoolAgeChild: true,
  at: '2026-11-24T10:00:00.000Z',
};
const BOOKED = booked({ start: '2026-12-22T15:30:00.000Z', end: '2026-12-22T16:30:00.000Z', now: '2026-11-24T10:00:00.000Z' }).booking;

function signedOffBooked(review: ReturnType<typeof largeReview>) {
  const booking = { bookingKey: BOOKED.bookingKey, start: BOOKED.start, end: BOOKED.end, online: false, location: BOOKED.location, organiser: BOOKED.organiser };
  return { ...review, status: 'signed-off' as const, signOff: { by: review.chair, at: '2026-11-24T11:00:00Z' }, nextMeeting: { ...review.nextMeeting!, booking } };
}

describe('every card template', () => {
  it('is a file in cards/, and every file there is a template the renderer knows', () => {
    const files = readdirSync(join(PROJECT_ROOT, 'cards')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect([...TEMPLATE_NAMES].sort()).toEqual(files.sort());
  });

  it.each(everyCard())('%s renders to a valid Adaptive Card 1.5 under 40 KB for a large meeting', (_, card) => {
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/\$\{|\$data|\$when|\$root/);
  });

  it.each(everyCard(largeReview((s) => s, { attendees: MAX_ATTENDEES, children: MAX_CHILDREN, actions: MAX_ACTIONS, statements: MAX_STATEMENTS })))(
    'at the most the bot accepts, %s is still valid and under 40 KB',
    (_, card) => {
      expect(validateAdaptiveCard(card)).toEqual([]);
    },
  );

  it('the due card shows the 25 most urgent and says how many more', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ caseReference: `CIN-${i}`, kind: 'checkpoint' as const, due: '2026-11-01', daysOverdue: 40 - i, message: 'm', alertId: '16-weeks' }));
    const text = textOf(cards.due(items, today));
    expect(text).toContain('Due on your cases (40)');
    expect(text).toContain('CIN-24: drift checkpoint reached');
    expect(text).not.toContain('CIN-25:');
    expect(text).toContain('…and 15 less urgent');
  });

  it('shows "Step k of n" on every step card', () => {
    const review = largeReview();
    for (const step of STEP_IDS.filter((s) => s !== 'minutes')) {
      expect(textOf(cards.forChair({ ...review, currentStep: step }, { today }))).toMatch(/^Step \d+ of \d+: /m);
    }
  });

  it('binds user text as data: template syntax typed by a user appears literally on every card that shows typed text', () => {
    const typed = '${secret} {{x}} ${$root.reviewId} ${count(sections)}';
    const rendered = everyCard(largeReview((s) => `${s} ${typed}`));
    // Cards that show no typed text: the explanations step (ticks only), and the cards that are not about the review's content.
    const withoutTypedText = ['step explanations', 'progress', 'progress signed off', 'confirm cancel', 'confirm sign-off', 'last minutes, for the chair only', 'help', 'due list', 'due list, empty', 'the next meeting booked', 'the next meeting, a move refused', 'the next meeting cancelled'];
    const withTypedText = rendered.filter(([name]) => !withoutTypedText.includes(name));
    expect(withTypedText.map(([name]) => name)).toEqual(expect.arrayContaining(['step minutes', 'step with errors', 'minutes signed off', 'step plan']));
    // Had any of it been evaluated, this exact string would be gone from the card.
    for (const [name, card] of withTypedText) expect({ name, literal: JSON.stringify(card).includes(typed) }).toEqual({ name, literal: true });
    // Still valid cards (every value here is 58 characters longer than the large meeting's, so size is checked above, not here).
    for (const [name, card] of rendered) expect({ name, problems: validateAdaptiveCard(card, { maxBytes: 64 * 1024 }) }).toEqual({ name, problems: [] });
  });
});

describe('step cards take each input from its step', () => {
  it("every input's maxLength on every step card is its field's limit", () => {
    const review = largeReview();
    const limits = new Map<string, number>();
    for (const step of Object.values(STEPS) as StepDefinition[]) for (const f of step.fields) limits.set(`${step.id}:${f.id}`, f.maxLength);
    let checked = 0;
    for (const step of STEP_IDS.filter((s) => s !== 'minutes')) {
      const card = cards.forChair({ ...review, currentStep: step }, { today });
      for (const input of inputsWithLimits(card)) {
        const field = input.id.split('.').at(-1)!;
        const limit = input.id.startsWith('newAttendee.') ? limits.get(`introductions:${field}`) : limits.get(`${step}:${field}`);
        expect({ id: input.id, maxLength: input.maxLength }).toEqual({ id: input.id, maxLength: limit });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});

function inputsWithLimits(node: unknown, found: Array<{ id: string; maxLength: number }> = []): Array<{ id: string; maxLength: number }> {
  if (Array.isArray(node)) node.forEach((n) => inputsWithLimits(n, found));
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (n.type === 'Input.Text' && typeof n.id === 'string') found.push({ id: n.id, maxLength: n.maxLength as number });
    Object.values(n).forEach((v) => inputsWithLimits(v, found));
  }
  return found;
}

describe('the explanations step card at a progress meeting held online', () => {
  it('is titled and asks for the cameras only, on the card and in the agenda', () => {
    const review = { ...largeReview(), currentStep: 'explanations' as const };
    const text = textOf(cards.forChair(review, { today }));
    expect(text).toMatch(/^Cameras on$/m);
    expect(text).not.toContain('Family Help model');
    expect(textOf(cards.progress(review))).toContain('Cameras on');
    expect(textOf(cards.minutes(review, { today }))).not.toContain('Family Help model');
  });
});

describe('typed text is never cut', () => {
  const review = { ...largeReview(), currentStep: 'mapping' as const };
  const inputs = (card: object) => {
    const found: Array<Record<string, unknown>> = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        const o = n as Record<string, unknown>;
        if (typeof o.type === 'string' && o.type.startsWith('Input.')) found.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(card);
    return found;
  };

  it('every text input says its limit: long answers in the label, short ones in the placeholder', () => {
    let empty = 0;
    for (const step of STEP_IDS.filter((s) => s !== 'minutes')) {
      empty += inputs(cards.forChair({ ...largeReview(), currentStep: step }, { today })).filter((i) => i.type === 'Input.Text' && i.value === '' && !i.isMultiline).length;
      for (const input of inputs(cards.forChair({ ...largeReview(), currentStep: step }, { today })).filter((i) => i.type === 'Input.Text')) {
        const limit = (input.maxLength as number).toLocaleString('en-GB');
        if (input.isMultiline) expect(input.label).toContain(`(up to ${limit} characters)`);
        // A placeholder shows only while the input is empty, so only an empty one carries it.
        else expect({ id: input.id, placeholder: input.placeholder }).toEqual({ id: input.id, placeholder: input.value === '' ? `Up to ${limit} characters` : undefined });
      }
    }
    expect(empty).toBeGreaterThan(5);
  });

  it('an answer over the limit comes back whole, with how much to remove, and the input lets the chair shorten it', () => {
    const pasted = `${'She knows she can talk to her head of year. '.repeat(95)}See the referral.`;
    expect(pasted.length).toBeGreaterThan(4000);
    const card = cards.forChair(review, { today, typed: { worries: pasted }, errors: { worries: `Remove ${pasted.length - 4000} characters` } });
    const worries = inputs(card).find((i) => i.id === 'worries')!;
    expect(worries.value).toBe(pasted);
    expect(worries.maxLength).toBeGreaterThanOrEqual(pasted.length);
    expect(textOf(card)).toContain(`Remove ${pasted.length - 4000} characters`);
  });
});

describe('the shared progress card', () => {
  it('lists the whole agenda, numbered as the step cards are, marking what is skipped', () => {
    // A progress meeting online: the role and model explanation does not apply, so the step is "Cameras on".
    const review = { ...largeReview(), currentStep: 'mapping' as const, completedSteps: ['set-up', 'introductions', 'explanations', 'child-voice', 'parents-voice', 'plan', 'updates'] as const };
    const card = cards.progress({ ...review, completedSteps: [...review.completedSteps] }) as Record<string, any>;
    const facts: Array<{ title: string; value: string }> = card.body
      .find((b: { type: string }) => b.type === 'FactSet')
      .facts.map((f: { title: string; value: string }) => ({ title: shown(f.title), value: shown(f.value) }));
    expect(facts).toHaveLength(STEP_IDS.length);
    expect(facts.map((f) => f.value.replace(/^\d+\. /, ''))).toHaveLength(13);
    expect(facts.find((f) => f.value.includes('Mapping') || f.value.includes('working well'))).toMatchObject({ title: '▶', value: '8. What is working well and the worries' });
    expect(facts.find((f) => f.value.includes('Cameras on'))).toMatchObject({ title: '✓', value: '3. Cameras on' });
    expect(textOf(card)).toContain('Step 8 of 13: What is working well and the worries');
  });

  it('says which later steps may not be needed, and which earlier ones were not', () => {
    const review = largeReview();
    const atOutcome = cards.progress({ ...review, currentStep: 'outcome', outcome: undefined, exitPlanning: undefined, nextMeeting: undefined, completedSteps: ['set-up'] });
    expect(textOf(atOutcome)).toContain('11. Exit planning (if needed)');
    const closed = cards.progress({ ...review, currentStep: 'minutes', outcome: { ...review.outcome!, kind: 'close', closureLikelyNextTime: false } });
    expect(textOf(closed)).toContain('12. Next meeting (not needed)');
  });
});

describe('scaling on the mapping card', () => {
  it('is a number from 0 to 10: overall, parents together, professionals, then each child and each parent by name', () => {
    const review = { ...largeReview(), currentStep: 'mapping' as const };
    const card = cards.forChair(review, { today });
    const numbers: Array<Record<string, unknown>> = [];
    JSON.stringify(card, (_k, v) => {
      if (v && typeof v === 'object' && (v as { type?: string }).type === 'Input.Number') numbers.push(v);
      return v;
    });
    const parents = review.attendees.filter((a) => a.role === 'parent-carer');
    expect(numbers.map((n) => [n.id, n.label, n.min, n.max])).toEqual([
      ['scaleOverall', 'Overall', 0, 10],
      ['scaleParents', 'Parents together (optional)', 0, 10],
      ['scaleProfessionals', 'Professionals (optional)', 0, 10],
      ...review.setUp!.children.map((c, i) => [`childScales.${i}.score`, `${c.firstName} (optional)`, 0, 10]),
      ...parents.map((p, i) => [`parentScales.${i}.score`, `${p.name} (optional)`, 0, 10]),
    ]);
    expect(numbers[0]!.value).toBe(6);
    expect(numbers.find((n) => n.id === 'childScales.0.score')).not.toHaveProperty('value');
  });
});

describe('the introductions card is compact', () => {
  const review = { ...largeReview(), currentStep: 'introductions' as const };
  const containers = (card: object) => {
    const found: Array<Record<string, any>> = [];
    JSON.stringify(card, (_k, v) => {
      if (v && typeof v === 'object' && v.type === 'Container' && typeof v.id === 'string') found.push(v);
      return v;
    });
    return found;
  };

  it('shows name, role and attendance for each attendee, the rest folded under "Details"', () => {
    const card = cards.forChair(review, { today });
    const folded = containers(card);
    expect(folded).toHaveLength(review.attendees.length + 1);
    for (const c of folded) {
      expect(c.isVisible).toBe(false);
      expect(JSON.stringify(c)).not.toMatch(/\.(name|role|attendance)"/);
    }
    expect(JSON.stringify(folded[1])).toContain('attendees.1.email');
  });

  it('unfolds the details of a row whose detail was refused, so the message is seen', () => {
    const card = cards.forChair(review, { today, errors: { 'attendees.1.email': 'Enter an email address such as name@example.org, or leave it blank' } });
    expect(containers(card).map((c) => c.isVisible)).toEqual(containers(card).map((_c, i) => i === 1));
  });
});
