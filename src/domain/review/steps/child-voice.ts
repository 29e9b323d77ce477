import { z } from 'zod';
import { ChildVoice, FEELS_SAFE, INTERPRETER, VOICE_SOURCES, YES_NO } from '../review';
import { labelOf } from '../review-labels';
import { parseWith, rowsOf, stepResult } from '../step-forms/form-values';
import { choiceField, longText, objectOf, optionalChoiceField, shortText } from './fields';
import { CapturingStep, always, fact, input, minutesSection, section } from './step-definition';

const OWN_WORDS_SOURCES = new Set(['child-in-meeting', 'own-words-verbatim', 'mind-of-my-own']);
const ACCOUNT_SOURCES = new Set(['shared-by-professional', 'shared-by-family', 'observations']);

const fields = {
  attended: optionalChoiceField('attended', 'Did the child attend the meeting?', YES_NO, 'seenAlone', 'Say whether the child attended'),
  notAttendingReason: longText('notAttendingReason', 'If not, why not (the reasons are recorded)'),
  source: choiceField('source', "How was the child's voice obtained?", VOICE_SOURCES, 'source', "Choose how the child's voice was obtained"),
  ownWords: longText('ownWords', "The child's own words, verbatim (only what the child said)"),
  accountBy: shortText('accountBy', 'If someone shared it: who (name and role)'),
  account: longText('account', 'What they shared or observed (their account, not the child’s words)'),
  seenAlone: choiceField('seenAlone', 'Seen alone since the last meeting?', YES_NO, 'seenAlone', 'Say whether the child has been seen alone since the last meeting'),
  notSeenAloneReason: longText('notSeenAloneReason', 'If not, why not'),
  interpreter: choiceField('interpreter', 'Interpreter (not a family member)', INTERPRETER, 'interpreter', 'Say whether an interpreter was needed'),
  wishesAndFeelings: longText('wishesAndFeelings', "The child's wishes and feelings", { required: "Record the child's wishes and feelings" }),
  feelsSafe: choiceField('feelsSafe', 'Does the child say they feel safe?', FEELS_SAFE, 'feelsSafe', 'Say whether the child says they feel safe'),
};

const voiceRow = objectOf(fields).superRefine((v, ctx) => {
  if (OWN_WORDS_SOURCES.has(v.source) && v.ownWords === '') {
    ctx.addIssue({ code: 'custom', path: ['ownWords'], message: "Record the child's own words, as they said them" });
  }
  if (ACCOUNT_SOURCES.has(v.source) && v.account === '') {
    ctx.addIssue({ code: 'custom', path: ['account'], message: 'Record what was shared or observed' });
  }
  if (v.account !== '' && v.accountBy === '') {
    ctx.addIssue({ code: 'custom', path: ['accountBy'], message: 'Say who shared this account' });
  }
  if (v.attended === 'no' && v.notAttendingReason === '') {
    ctx.addIssue({ code: 'custom', path: ['notAttendingReason'], message: 'Record why the child did not attend (001 §1)' });
  }
  if (v.seenAlone === 'no' && v.notSeenAloneReason === '') {
    ctx.addIssue({ code: 'custom', path: ['notSeenAloneReason'], message: 'Say why the child was not seen alone' });
  }
});

const meta = { id: 'child-voice', title: "The child's voice" } as const;

/** Where an answer is usual, the card starts with it (an interpreter is rarely needed; when it is, the chair changes it). */
const DEFAULTS: Partial<Record<keyof typeof fields, string>> = { interpreter: 'not-needed' };

/** The child's own words, in one pair of quotes: quotes the chair typed around them are not doubled. */
export function quoted(words: string): string {
  const inner = words.trim().replace(/^(["'“‘])(.*)(["'”’])$/s, (whole, open: string, text: string, close: string) =>
    PAIRS[open] === close ? text.trim() : whole,
  );
  return `“${inner}”`;
}
const PAIRS: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’' };

/** The child's own words and someone else's account of them are kept apart, each with who said it. */
export const childVoiceStep = {
  ...meta,
  applies: always,
  covers: (review) => (review.setUp?.children ?? []).every((c) => review.childVoices.some((v) => v.childKey === c.key)),
  fields: Object.values(fields),
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
  form(review) {
    return (review.setUp?.children ?? []).map((child, i) => {
      const v = review.childVoices.find((x) => x.childKey === child.key);
      const row = { list: 'voices', index: i };
      return section(
        `${child.firstName}'s voice`,
        (Object.keys(fields) as Array<keyof typeof fields>).map((k) =>
          input(fields[k], v?.[k] ?? DEFAULTS[k], row, k === 'attended' ? { label: `Did ${child.firstName} attend the meeting?` } : {}),
        ),
      );
    });
  },
  minutes(review) {
    const children = review.setUp?.children ?? [];
    return [
      minutesSection(meta, review, review.childVoices.flatMap((v) => {
        const child = children.find((c) => c.key === v.childKey)?.firstName ?? 'Child';
        return [
          v.attended !== null && fact(fields.attended, `${child}: attended the meeting`, v.attended === 'yes' ? 'Yes' : `No: ${v.notAttendingReason}`),
          fact(fields.source, `${child}: how obtained`, labelOf('source', v.source)),
          v.ownWords ? fact(fields.ownWords, `${child}'s own words`, quoted(v.ownWords)) : null,
          v.account || v.accountBy ? fact(fields.account, `Shared by ${v.accountBy || '(not recorded)'}`, v.account.trim() === '' ? '(none recorded)' : v.account) : null,
          fact(fields.seenAlone, `${child}: seen alone since last meeting`, labelOf('seenAlone', v.seenAlone) + (v.notSeenAloneReason ? `: ${v.notSeenAloneReason}` : '')),
          fact(fields.interpreter, `${child}: interpreter`, labelOf('interpreter', v.interpreter)),
          fact(fields.wishesAndFeelings, `${child}: wishes and feelings`, v.wishesAndFeelings),
          fact(fields.feelsSafe, `${child}: says they feel safe`, labelOf('feelsSafe', v.feelsSafe)),
        ];
      })),
    ];
  },
} satisfies CapturingStep<'child-voice'>;

export type VoiceRow = z.infer<typeof voiceRow>;
