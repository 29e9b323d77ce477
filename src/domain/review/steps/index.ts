import { StepId } from '../review';
import { childVoiceStep } from './child-voice';
import { equalityStep } from './equality';
import { exitPlanningStep } from './exit-planning';
import { explanationsStep } from './explanations';
import { introductionsStep } from './introductions';
import { mappingStep } from './mapping';
import { minutesStep } from './minutes';
import { nextMeetingStep } from './next-meeting';
import { outcomeStep } from './outcome';
import { parentsVoiceStep } from './parents-voice';
import { planStep } from './plan';
import { setUpStep } from './set-up';
import { CapturingStep, StepDefinition } from './step-definition';
import { updatesStep } from './updates';

export * from './step-definition';

/** Every agenda step, in one place: tsc checks that each id has its step and each step its id. */
export const STEPS = {
  'set-up': setUpStep,
  introductions: introductionsStep,
  explanations: explanationsStep,
  'child-voice': childVoiceStep,
  'parents-voice': parentsVoiceStep,
  plan: planStep,
  updates: updatesStep,
  mapping: mappingStep,
  equality: equalityStep,
  outcome: outcomeStep,
  'exit-planning': exitPlanningStep,
  'next-meeting': nextMeetingStep,
  minutes: minutesStep,
} satisfies { readonly [K in StepId]: StepDefinition<K> };

export type CapturingStepId = Exclude<StepId, 'minutes'>;

const { minutes: _minutes, ...capturing } = STEPS;
/** The steps whose form becomes part of the record: all but the minutes. */
export const CAPTURING_STEPS: { readonly [K in CapturingStepId]: CapturingStep<K> } = capturing;

/** The longest answer any field accepts: what a card press may carry per input. */
export const MAX_FIELD_LENGTH = Math.max(...Object.values(STEPS).flatMap((s: StepDefinition) => s.fields.map((f) => f.maxLength)));
