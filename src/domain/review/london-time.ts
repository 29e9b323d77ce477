import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * Instants as a chair in England reads them: "10:32 on Tue 1 Dec 2026", on the Europe/London wall
 * clock (@date-fns/tz applies the clock changes), never an ISO stamp. Text that is not an instant is
 * returned as it is, so a card never fails on an odd stored value.
 */
const LONDON = 'Europe/London';

function inLondon(instant: string): TZDate | undefined {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? undefined : new TZDate(ms, LONDON);
}

/** "Tue 1 Dec 2026": the London calendar date of an instant. */
export function londonDate(instant: string): string {
  const at = inLondon(instant);
  return at ? format(at, 'EEE d MMM yyyy') : instant;
}

/** "10:32 on Tue 1 Dec 2026". */
export function londonTimeAndDate(instant: string): string {
  const at = inLondon(instant);
  return at ? `${format(at, 'HH:mm')} on ${format(at, 'EEE d MMM yyyy')}` : instant;
}
