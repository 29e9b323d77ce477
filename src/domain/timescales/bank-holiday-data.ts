import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { InvalidFileError, problemsOf } from './invalid-file';

/** The UK nations whose bank holidays GOV.UK publishes separately. */
export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Division = (typeof DIVISIONS)[number];

const eventSchema = z.object({
  title: z.string().min(1, 'must not be empty'),
  date: z.string().refine(isCalendarDate, { error: (iss) => `must be a real date 'YYYY-MM-DD' (got ${JSON.stringify(iss.input)})` }),
  notes: z.string().default(''),
  bunting: z.boolean().optional(),
});

const divisionSchema = z.object({
  division: z.enum(DIVISIONS),
  events: z.array(eventSchema),
});

/** GOV.UK's bank-holidays.json (https://www.gov.uk/bank-holidays.json): one entry per division. */
const bankHolidayDataSchema = z
  .object({
    'england-and-wales': divisionSchema.optional(),
    scotland: divisionSchema.optional(),
    'northern-ireland': divisionSchema.optional(),
  })
  .superRefine((data, ctx) => {
    if (DIVISIONS.every((d) => data[d] === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: `has none of the divisions ${DIVISIONS.join(', ')}` });
    }
    for (const d of DIVISIONS) {
      const entry = data[d];
      if (entry !== undefined && entry.division !== d) {
        ctx.addIssue({ code: 'custom', path: [d, 'division'], message: `says ${JSON.stringify(entry.division)} under the key ${JSON.stringify(d)}` });
      }
    }
  });

export type BankHolidayData = z.infer<typeof bankHolidayDataSchema>;
export type BankHolidayEvent = z.infer<typeof eventSchema>;

/**
 * Checks parsed JSON in GOV.UK's bank-holidays.json format. `sourceName` (the file) appears in every
 * message, so a bad file supplied by configuration stops start-up with the file, field and problem.
 */
export function parseBankHolidayData(json: unknown, sourceName: string): BankHolidayData {
  const parsed = bankHolidayDataSchema.safeParse(json);
  if (!parsed.success) throw new InvalidFileError(sourceName, 'Bank holiday file', problemsOf(parsed.error, json));
  return parsed.data;
}
