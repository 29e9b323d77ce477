import { STEP_IDS, StepId } from '../../src/domain/review/review';
import { CardTemplates, TEMPLATE_NAMES } from '../../src/cards/card-templates';
import { ReviewCards } from '../../src/cards/review-cards';
import { CHAT_COMMANDS } from '../../src/use-cases/chat-command';
import { validateAdaptiveCard } from './card-schema/validate-card';
import { largeReview } from './large-review';
import { MAX_ACTIONS, MAX_ATTENDEES, MAX_CHILDREN, MAX_STATEMENTS } from '../../src/domain/review/step-forms';
import { textOf } from '../support/card-reader';

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
    ['confirm cancel', cards.confirmCancel(review)],
    ['help', cards.help(CHAT_COMMANDS)],
    ['due list', cards.due(Array.from({ length: 40 }, (_, i) => ({ caseReference: `CIN-${i}`, kind: 'review-overdue' as const, due: '2026-11-01', daysOverdue: 40 - i, message: 'The review is overdue: the procedure says every 4-6 weeks.', alertId: 'review-overdue' })), today, 'Recorded.')],
    ['due list, empty', cards.due([], today)],
  );
  return rendered;
}

describe('every card template', () => {
  it('is one of the templates the renderer knows', () => {
    expect(TEMPLATE_NAMES).toEqual(['step-form', 'review-progress', 'minutes-draft', 'confirm-cancel', 'help', 'due-list']);
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

  it('binds user text as data: template syntax typed by a user appears literally on every card', () => {
    const hostile = largeReview((s) => `${s} \${secret} {{x}} \${$root.reviewId} \${count(sections)}`);
    for (const [name, card] of everyCard(hostile)) {
      const json = JSON.stringify(card);
      // Had any of it been evaluated, these exact strings would be gone from the card.
      if (name.startsWith('step ') && name !== 'step explanations') {
        expect(json).toContain('${secret} {{x}} ${$root.reviewId} ${count(sections)}');
      }
    }
    expect(validateAdaptiveCard(everyCard(hostile)[12]![1])).toEqual([]);
  });
});
