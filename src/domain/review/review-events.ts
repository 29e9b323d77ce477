import { StepId, TeamsPerson } from './review';

/**
 * What an accepted decision caused, in the review's words. Stored with the review in one
 * transaction (the outbox); effects outside the turn (the shared progress card today; the minutes and
 * the booking next) follow from them.
 */
export type ReviewEvent =
  | { readonly type: 'step-saved'; readonly step: StepId; readonly completed: boolean }
  | { readonly type: 'moved'; readonly from: StepId; readonly to: StepId }
  | { readonly type: 'attendee-added'; readonly attendeeKey: string }
  | { readonly type: 'chair-handed-over'; readonly from: TeamsPerson; readonly to: TeamsPerson }
  | { readonly type: 'escalation-raised'; readonly at: string }
  | { readonly type: 'signed-off'; readonly by: TeamsPerson; readonly at: string }
  | { readonly type: 'cancelled'; readonly by: TeamsPerson; readonly at: string };

export type ReviewEventType = ReviewEvent['type'];
