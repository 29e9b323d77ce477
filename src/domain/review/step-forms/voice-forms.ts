import { z } from 'zod';
import { parentsAndCarers, professionalsPresent } from '../agenda';
import { AgencyUpdate, ChildVoice, FEELS_SAFE, INTERPRETER, ParentVoice, VOICE_SOURCES, YES_NO } from '../review';
import { StepForm, choice, parseWith, rowsOf, stepResult, text } from './form-values';

const OWN_WORDS_SOURCES = new Set(['child-in-meeting', 'own-words-verbatim', 'mind-of-my-own']);
const ACCOUNT_SOURCES = new Set(['shared-by-professional', 'shared-by-family', 'observations']);

const voiceRow = z
  .object({
    source: choice(VOICE_SOURCES, "Choose how the child's voice was obtained"),
    ownWords: text.optionalLong(),
    accountBy: text.optionalShort(),
    account: text.optionalLong(),
    seenAlone: choice(YES_NO, 'Say whether the child has been seen alone since the last meeting'),
    notSeenAloneReason: text.optionalLong(),
    interpreter: choice(INTERPRETER, 'Say whether an interpreter was needed'),
    wishesAndFeelings: text.long("Record the child's wishes and feelings"),
    feelsSafe: choice(FEELS_SAFE, 'Say whether the child says they feel safe'),
  })
  .superRefine((v, ctx) => {
    if (OWN_WORDS_SOURCES.has(v.source) && v.ownWords === '') {
      ctx.addIssue({ code: 'custom', path: ['ownWords'], message: "Record the child's own words, as they said them" });
    }
    if (ACCOUNT_SOURCES.has(v.source) && v.account === '') {
      ctx.addIssue({ code: 'custom', path: ['account'], message: 'Record what was shared or observed' });
    }
    if (v.account !== '' && v.accountBy === '') {
      ctx.addIssue({ code: 'custom', path: ['accountBy'], message: 'Say who shared this account' });
    }
    if (v.seenAlone === 'no' && v.notSeenAloneReason === '') {
      ctx.addIssue({ code: 'custom', path: ['notSeenAloneReason'], message: 'Say why the child was not seen alone' });
    }
  });

export const childVoiceForm: StepForm = {
  parse(form, review) {
    const children = review.setUp?.children ?? [];
    const rows = rowsOf(form, 'voices');
    const errors: Record<string, string> = {};
    const voices: ChildVoice[] = [];
    children.forEach((child, i) => {
      const parsed = parseWith(voiceRow, rows[i] ?? {}, `voices.${i}.`);
      if (!parsed.ok) Object.assign(errors, parsed.fieldErrors);
      else voices.push({ childKey: child.key, ...parsed.value });
    });
    return stepResult(errors, { childVoices: voices });
  },
};

const parentRow = z.object({
  wantsFromToday: text.optionalLong(),
  raises: text.optionalLong(),
  viewsOnPlan: text.optionalLong(),
});

export const parentsVoiceForm: StepForm = {
  parse(form, review) {
    const rows = rowsOf(form, 'parents');
    const errors: Record<string, string> = {};
    const voices: ParentVoice[] = [];
    parentsAndCarers(review).forEach((parent, i) => {
      const parsed = parseWith(parentRow, rows[i] ?? {}, `parents.${i}.`);
      if (!parsed.ok) return Object.assign(errors, parsed.fieldErrors);
      const said = parsed.value;
      if (parent.attendance === 'present' && said.wantsFromToday === '' && said.viewsOnPlan === '') {
        errors[`parents.${i}.wantsFromToday`] = `Record what ${parent.name} wants from today, or their views on the plan`;
        return;
      }
      voices.push({ attendeeKey: parent.key, ...said });
    });
    return stepResult(errors, { parentVoices: voices });
  },
};

export const updatesForm: StepForm = {
  parse(form, review) {
    const rows = rowsOf(form, 'updates');
    const errors: Record<string, string> = {};
    const updates: AgencyUpdate[] = [];
    professionalsPresent(review).forEach((attendee, i) => {
      const parsed = parseWith(z.object({ update: text.long(`Record ${attendee.name}'s update, or "No update"`) }), rows[i] ?? {}, `updates.${i}.`);
      if (!parsed.ok) Object.assign(errors, parsed.fieldErrors);
      else updates.push({ attendeeKey: attendee.key, update: parsed.value.update });
    });
    return stepResult(errors, { updates });
  },
};
