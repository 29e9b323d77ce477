import { StepId } from '../review';
import { childVoiceForm, parentsVoiceForm, updatesForm } from './voice-forms';
import { exitPlanningForm, nextMeetingForm, outcomeForm } from './decision-forms';
import { explanationsForm, introductionsForm, setUpForm } from './meeting-forms';
export { MAX_ATTENDEES, MAX_CHILDREN, parseNewAttendee } from './meeting-forms';
export { MAX_ACTIONS, MAX_STATEMENTS } from './plan-forms';
import { equalityForm, mappingForm, planForm } from './plan-forms';
import { StepForm } from './form-values';

export * from './form-values';

/** The form behind each agenda step that captures something. The minutes step only signs off. */
export const STEP_FORMS: Readonly<Record<Exclude<StepId, 'minutes'>, StepForm>> = {
  'set-up': setUpForm,
  introductions: introductionsForm,
  explanations: explanationsForm,
  'child-voice': childVoiceForm,
  'parents-voice': parentsVoiceForm,
  plan: planForm,
  updates: updatesForm,
  mapping: mappingForm,
  equality: equalityForm,
  outcome: outcomeForm,
  'exit-planning': exitPlanningForm,
  'next-meeting': nextMeetingForm,
};
