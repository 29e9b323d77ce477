import { z } from 'zod';
import { cardAction, cardActionTable } from '../../src/teams/card-actions';

const action = cardAction(z.object({}), async () => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' }) as never);

describe('the card verb table', () => {
  it('joins the bot’s own verbs and another part’s', () => {
    expect(Object.keys(cardActionTable({ 'review.save': action }, { 'booking.confirm': action }))).toEqual(['review.save', 'booking.confirm']);
  });

  it('refuses a verb registered twice, rather than one handler silently replacing the other', () => {
    expect(() => cardActionTable({ 'booking.show': action }, { 'booking.show': action })).toThrow('The card verb booking.show is registered twice');
  });
});
