/** The shipped packs and calendars, loaded once per test file (as the bot does at start-up). */
import { PolicyPack, WorkingDayCalendar, loadBankHolidaysFile, loadShippedPolicyPacks } from '../../../src/domain/timescales';

export const bankHolidays = loadBankHolidaysFile();
export const englandAndWales = WorkingDayCalendar.fromBankHolidays(bankHolidays, 'england-and-wales');
export const packs = loadShippedPolicyPacks();

export function shippedPack(id: string): PolicyPack {
  const pack = packs.get(id);
  if (pack === undefined) throw new Error(`no shipped pack ${id}`);
  return pack;
}
