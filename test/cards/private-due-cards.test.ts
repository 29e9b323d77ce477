import { CardTemplates } from '../../src/cards/card-templates';
import { dueListForOwner, dueListPlaceholder } from '../../src/cards/private-due-cards';
import { ReviewCards } from '../../src/cards/review-cards';
import { DueItem } from '../../src/domain/cases/case-compliance';
import { textOf } from '../support/card-reader';
import { validateAdaptiveCard } from './card-schema/validate-card';

const owner = { teamsUserId: '29:1kim1', name: 'Kim' };
const item: DueItem = {
  caseReference: 'CIN-77', kind: 'minutes-outstanding', due: '2026-12-29', daysOverdue: 6, message: 'Minutes were due on Tue 29 Dec 2026.',
} as DueItem;

describe('the due list in a group chat', () => {
  it('the placeholder is a valid Teams card naming only its owner, refreshing for them alone', () => {
    const card = dueListPlaceholder(owner);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(textOf(card)).toContain("Kim's due list: only they can see it");
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'due.show', title: 'Show my due list', data: { forUserId: '29:1kim1', forName: 'Kim' } },
      userIds: ['29:1kim1'],
    });
  });

  it("the owner's view is the due list itself, valid, with the same refresh", () => {
    const list = new ReviewCards(new CardTemplates(), { packChoices: [], defaultPackId: 'leicestershire' }).due([item], '2027-01-04');
    const view = dueListForOwner(list, owner);
    expect(validateAdaptiveCard(view)).toEqual([]);
    expect(textOf(view)).toContain('CIN-77: minutes outstanding');
    expect(view.refresh).toEqual(dueListPlaceholder(owner).refresh);
    expect(view.body).toEqual(list.body);
  });
});
