import { z } from 'zod';
import { BOOKING_GRAMMAR } from '../domain/booking/booking-grammar';
import { isBookingCommand } from '../domain/booking/typed-booking';

export const CHAT_COMMANDS = [
  { name: 'start review', description: 'Start a CIN review in this chat. You will chair it.' },
  { name: 'resume', description: 'Show the review in progress again, where it was left; once the last review here is signed off, its minutes (chair only).' },
  { name: 'status', description: 'Say which step the review is at, or what became of the last review here.' },
  { name: 'due', description: 'List your cases with reviews due or overdue, minutes outstanding and drift checkpoints, most urgent first. In a group chat only you see the list.' },
  { name: 'minutes', description: 'List the signed-off reviews you chaired, with a button to have each case file (the PDF for professionals) again in your chat with the bot. In a group chat only you see the list.' },
  { name: 'book review', description: `${BOOKING_GRAMMAR.description} Only the chair or the lead worker of the case's last review can book; you confirm before anything is booked.` },
  { name: 'bookings', description: 'List your upcoming booked reviews. In a group chat only you see the list.' },
  { name: 'help', description: 'Show this list.' },
  { name: 'cancel', description: 'Cancel the review in progress (asks to confirm; chair only).' },
] as const;

export type ChatCommand = 'start review' | 'resume' | 'status' | 'due' | 'minutes' | 'book review' | 'bookings' | 'help' | 'cancel' | 'unknown';

const ALIASES: Record<string, ChatCommand> = {
  'start review': 'start review',
  'start a review': 'start review',
  start: 'start review',
  resume: 'resume',
  continue: 'resume',
  status: 'status',
  due: 'due',
  'what is due': 'due',
  minutes: 'minutes',
  'case file': 'minutes',
  bookings: 'bookings',
  'my bookings': 'bookings',
  help: 'help',
  '?': 'help',
  cancel: 'cancel',
  'cancel review': 'cancel',
};

const commandText = z.string().max(2000);

/** What a typed message asks for. Mentions of the bot are removed before this. */
export function parseChatCommand(text: unknown): ChatCommand {
  const parsed = commandText.safeParse(text ?? '');
  if (!parsed.success) return 'unknown';
  // `book review` carries its case, date and time: the words after it are the booking's, read by its own parser.
  if (isBookingCommand(parsed.data)) return 'book review';
  const words = parsed.data.toLowerCase().replace(/[.!]+$/u, '').replace(/\s+/gu, ' ').trim();
  return ALIASES[words] ?? 'unknown';
}
