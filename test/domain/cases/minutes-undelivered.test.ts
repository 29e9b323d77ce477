import { undeliveredMinutesItems, UndeliveredMinutes } from '../../../src/domain/cases/minutes-undelivered';

const minutes = (over: Partial<UndeliveredMinutes>): UndeliveredMinutes => ({
  caseReferences: ['CIN-1', 'CIN-2'],
  meetingDate: '2026-11-24',
  minutesDue: '2026-12-01',
  total: 5,
  unsent: 1,
  stuck: 1,
  ...over,
});

describe('minutes not delivered to everyone, in `due`', () => {
  it.each([
    ['one stuck, before the deadline', minutes({}), '2026-11-25', 2, -6],
    ['only on their way, before the deadline: not yet worth a line', minutes({ stuck: 0 }), '2026-11-30', 0, 0],
    ['only on their way, after the deadline', minutes({ stuck: 0 }), '2026-12-02', 2, 1],
    ['every one sent', minutes({ unsent: 0, stuck: 0 }), '2026-12-09', 0, 0],
    ['no statutory date known: dated by the meeting', minutes({ minutesDue: null }), '2026-11-26', 2, 2],
  ])('%s', (_case, input, today, count, daysOverdue) => {
    const items = undeliveredMinutesItems([input], today);
    expect(items).toHaveLength(count);
    for (const item of items) {
      expect(item.kind).toBe('minutes-undelivered');
      expect(item.daysOverdue).toBe(daysOverdue);
      expect(item.message).toContain(`have not reached ${input.unsent} of ${input.total} recipients`);
    }
    expect(items.map((i) => i.caseReference)).toEqual(count === 0 ? [] : ['CIN-1', 'CIN-2']);
  });
});
