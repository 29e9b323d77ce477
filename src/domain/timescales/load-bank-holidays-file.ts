import * as path from 'node:path';
import { BankHolidayData, parseBankHolidayData } from './bank-holiday-data';
import { PROJECT_ROOT, readJsonFile } from './read-json-file';

/** The copy of GOV.UK's bank-holidays.json shipped with the project. */
export const SHIPPED_BANK_HOLIDAYS_FILE = path.join(PROJECT_ROOT, 'data', 'bank-holidays', 'gov-uk-bank-holidays.json');

/**
 * Reads bank-holiday data: the shipped copy, or an updated file named by configuration
 * (same format as https://www.gov.uk/bank-holidays.json). Call once at start-up.
 */
export function loadBankHolidaysFile(filePath: string = SHIPPED_BANK_HOLIDAYS_FILE): BankHolidayData {
  return parseBankHolidayData(readJsonFile(filePath, 'Bank holiday file'), filePath);
}
