import { CAPTURING_STEPS, CapturingStepId } from '../steps';
import { StepForm } from './form-values';

export * from './form-values';
export { MAX_ATTENDEES, NEW_ATTENDEE_FIELDS, parseNewAttendee } from '../steps/introductions';
export { MAX_CHILDREN } from '../steps/set-up';
export { MAX_ACTIONS, MAX_STATEMENTS } from '../steps/plan';

/** The form behind each agenda step that captures something (each step's module). The minutes step only signs off. */
export const STEP_FORMS: Readonly<Record<CapturingStepId, StepForm>> = CAPTURING_STEPS;
