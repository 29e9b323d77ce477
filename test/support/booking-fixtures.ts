import { BookNextInput, BookingDecision, bookNext } from '../../src/domain/booking/booking';

export const DECIDED_AT = '2026-12-01T10:00:00.000Z';

export function bookingInput(overrides: Partial<BookNextInput> = {}): BookNextInput {
  return {
    tenantId: 'tenant-1',
    reviewId: `review-${Math.random().toString(36).slice(2, 10)}`,
    conversationId: 'conv-1',
    caseReferences: ['LCC-204781'],
    organiser: { name: 'Sam Chair', email: 'sam.chair@council.example' },
    start: '2027-01-12T14:00:00.000Z',
    end: '2027-01-12T15:00:00.000Z',
    online: false,
    location: 'Room 2, Bridge Street Family Centre',
    attendees: [
      { name: 'Pat Parent', email: 'pat.parent@example.org' },
      { name: 'Sue Worker', email: 'sue.worker@council.example' },
      { name: 'Mrs Khan, class teacher', email: 'khan@school.example.org' },
    ],
    now: DECIDED_AT,
    ...overrides,
  };
}

/** The decision, which the test expects to be made (not refused). */
export function decided(decision: BookingDecision): Extract<BookingDecision, { kind: 'decided' }> {
  if (decision.kind !== 'decided') throw new Error(`the decision was refused: ${decision.reason}`);
  return decision;
}

export const booked = (overrides: Partial<BookNextInput> = {}) => decided(bookNext(bookingInput(overrides)));
