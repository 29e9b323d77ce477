import { parseWith } from '../step-forms/form-values';
import { longText, objectOf } from './fields';
import { CapturingStep, always, fact, input, minutesSection, section } from './step-definition';

const fields = {
  identityAndCulture: longText('identityAndCulture', 'Identity and culture', { required: "Say how the child's identity and culture are met" }),
  language: longText('language', 'Language and communication', { required: "Say how the child's language and communication needs are met" }),
  disability: longText('disability', 'Any disability', { required: 'Say how any disability is met (write "None known" if none)' }),
};
const equalityFields = objectOf(fields);
const meta = { id: 'equality', title: 'Equality and diversity' } as const;

export const equalityStep = {
  ...meta,
  applies: always,
  covers: always,
  fields: Object.values(fields),
  parse(form) {
    const parsed = parseWith(equalityFields, form);
    return parsed.ok ? { ok: true, patch: { equality: parsed.value } } : parsed;
  },
  form(review) {
    const q = review.equality;
    return [
      section('How the child’s needs are met', [
        input(fields.identityAndCulture, q?.identityAndCulture),
        input(fields.language, q?.language),
        input(fields.disability, q?.disability),
      ]),
    ];
  },
  minutes(review) {
    const q = review.equality;
    return [
      minutesSection(meta, review, q ? [
        fact(fields.identityAndCulture, 'Identity and culture', q.identityAndCulture),
        fact(fields.language, 'Language', q.language),
        fact(fields.disability, 'Disability', q.disability),
      ] : []),
    ];
  },
} satisfies CapturingStep<'equality'>;
