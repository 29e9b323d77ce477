import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { STEP_TITLES } from '../../../../src/domain/review/agenda';
import { STEP_IDS } from '../../../../src/domain/review/review';
import { STEP_FORMS } from '../../../../src/domain/review/step-forms';
import { CAPTURING_STEPS, Field, MAX_FIELD_LENGTH, STEPS, StepDefinition } from '../../../../src/domain/review/steps';
import { TEXT_LIMITS } from '../../../../src/domain/review/step-forms/form-values';
import { PROJECT_ROOT } from '../../../../src/project/project-root';
import { largeReview } from '../../../cards/large-review';

const allSteps = Object.values(STEPS) as StepDefinition[];
const allFields: Array<[string, Field]> = allSteps.flatMap((s) => s.fields.map((f): [string, Field] => [`${s.id}: ${f.id}`, f]));

describe('one module per agenda step', () => {
  it('every step id has its step, under its own id, in agenda order', () => {
    expect(Object.keys(STEPS)).toEqual([...STEP_IDS]);
    for (const id of STEP_IDS) expect(STEPS[id].id).toBe(id);
  });

  it('the agenda titles and the forms are the steps’ own', () => {
    for (const id of STEP_IDS) expect(STEP_TITLES[id]).toBe(STEPS[id].title);
    for (const [id, step] of Object.entries(CAPTURING_STEPS)) expect(STEP_FORMS[id as keyof typeof STEP_FORMS]).toBe(step);
    expect(Object.keys(STEP_FORMS)).toEqual(STEP_IDS.filter((s) => s !== 'minutes'));
  });

  it('a form input only ever uses a field its step declares', () => {
    const review = largeReview();
    for (const step of allSteps) {
      const inputs = step.form({ ...review, currentStep: step.id }, { today: '2026-11-24', packChoices: [], defaultPackId: 'leicestershire' }).flatMap((s) => s.inputs);
      for (const input of inputs) {
        expect(step.fields).toContain(input.field);
        expect(input.inputId.endsWith(input.field.id)).toBe(true);
      }
    }
  });
});

describe('each field is the one source of its limit, choices and audience', () => {
  const plainText = allFields.filter(([, f]) => (f.kind === 'text' || f.kind === 'multiline') && !['email', 'caseReference'].includes(f.id) && !f.id.startsWith('scale'));

  it.each(plainText)('%s accepts exactly its maxLength, and refuses one more', (_name, f) => {
    expect(f.schema.safeParse('x'.repeat(f.maxLength)).success).toBe(true);
    expect(f.schema.safeParse('x'.repeat(f.maxLength + 1)).success).toBe(false);
  });

  it.each(allFields.filter(([, f]) => f.kind === 'choice' && f.choices.length > 0))('%s offers every answer its schema accepts, and only those', (_name, f) => {
    const values = f.choices.map((c) => c.value);
    for (const v of values) expect(f.schema.safeParse(v).success).toBe(true);
    expect(f.schema.safeParse('not-one-of-them').success).toBe(false);
    const options = (f.schema as Partial<z.ZodEnum>).options;
    if (options) expect([...options].sort()).toEqual([...values].sort());
  });

  it.each(allFields)('%s has a label and an audience', (_name, f) => {
    expect(f.label).toMatch(/\S/);
    expect(['everyone', 'professionals', 'chair']).toContain(f.audience);
  });

  it('the largest limit is exported for the card-press envelope', () => {
    expect(MAX_FIELD_LENGTH).toBe(Math.max(...allFields.map(([, f]) => f.maxLength)));
    expect(MAX_FIELD_LENGTH).toBe(TEXT_LIMITS.long);
  });

  it('the step card template writes no limit of its own', () => {
    const template = readFileSync(join(PROJECT_ROOT, 'cards', 'step-form.json'), 'utf8');
    expect(template).not.toMatch(/"maxLength"\s*:\s*\d/);
  });
});
