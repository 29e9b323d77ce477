import { caseFileList, caseFileListForOwner, caseFileListPlaceholder } from '../../src/cards/case-file-cards';
import { Review } from '../../src/domain/review/review';
import { actionsOf, textOf } from '../support/card-reader';
import { markedReview } from '../domain/minutes-delivery/marked-review';
import { validateAdaptiveCard } from './card-schema/validate-card';

const owner = { teamsUserId: '29:1sam1', name: 'Sam [Chair](http://x)' };
const base = markedReview();
const signed = (id: string, refs: string[], meetingDate: string, at: string): Review => ({
  ...base,
  id,
  status: 'signed-off',
  setUp: { ...base.setUp!, meetingDate, children: refs.map((caseReference, i) => ({ key: `c${i}`, firstName: `Child ${i}`, caseReference })) },
  signOff: { by: base.chair, at },
});
const reviews = [
  signed('r-2', ['CIN-2001', 'CIN-2002'], '2026-11-30', '2026-12-01T09:15:00Z'),
  // Signed off just after midnight in London in summer time: the London date, not the UTC one.
  signed('r-1', ['CIN-1001'], '2026-06-30', '2026-06-30T23:30:00Z'),
];

describe('the `minutes` list', () => {
  it('is a valid card: case references and dates, one resend button a review, nothing from the record', () => {
    const card = caseFileList(reviews, { where: 'everywhere' });
    expect(validateAdaptiveCard(card)).toEqual([]);
    const text = textOf(card);
    expect(text).toContain('CIN-2001, CIN-2002\nMeeting on Mon 30 Nov 2026, signed off Tue 1 Dec 2026');
    expect(text).toContain('CIN-1001\nMeeting on Tue 30 Jun 2026, signed off Wed 1 Jul 2026');
    expect(actionsOf(card).map((a) => [a.verb, a.data, a.title])).toEqual([
      ['minutes.resend', { reviewId: 'r-2' }, 'Send the case file again: CIN-2001, CIN-2002'],
      ['minutes.resend', { reviewId: 'r-1' }, 'Send the case file again: CIN-1001'],
    ]);
    const json = JSON.stringify(card);
    for (const absent of ['Child 0', base.attendees[0]!.name]) expect(json).not.toContain(absent);
  });

  it('says so when there is nothing, and shows a notice above the list', () => {
    const empty = caseFileList([], { where: 'this-chat', notice: 'On its way.' });
    expect(validateAdaptiveCard(empty)).toEqual([]);
    expect(textOf(empty)).toMatch(/^Your signed-off reviews in this chat\nOn its way\.\nYou have no signed-off reviews here yet\./);
    expect(actionsOf(empty)).toEqual([]);
  });

  it('the group-chat placeholder names its owner as typed, no case, and refreshes for them alone', () => {
    const card = caseFileListPlaceholder(owner);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(textOf(card)).toContain("Sam [Chair](http://x)'s signed-off reviews: only they can see them");
    expect(JSON.stringify(card.body)).toContain('Sam \\\\[Chair\\\\](http://x)');
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'minutes.list', title: 'Show my signed-off reviews', data: { forUserId: '29:1sam1', forName: owner.name } },
      userIds: ['29:1sam1'],
    });
    const view = caseFileListForOwner(caseFileList(reviews, { where: 'this-chat' }), owner);
    expect(validateAdaptiveCard(view)).toEqual([]);
    expect(view.refresh).toEqual(card.refresh);
  });
});
