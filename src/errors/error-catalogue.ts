/**
 * Every error the bot can report, with its code and the plain words a user sees.
 * Codes are stable: support can search logs for them.
 */
export const ERROR_CATALOGUE = {
  CONFIG_INVALID: { status: 500, say: 'The bot is not configured correctly.' },
  TENANT_NOT_ALLOWED: { status: 403, say: 'This bot is not enabled for your organisation.' },
  PAYLOAD_INVALID: { status: 400, say: 'That card action could not be read. Please use the latest card, or type "resume".' },
  UNKNOWN_VERB: { status: 400, say: 'That button is not one this bot knows. Type "resume" to get the current card.' },
  NO_OPEN_REVIEW: { status: 404, say: 'There is no review in progress in this chat. Type "start review" to begin one.' },
  REVIEW_ALREADY_OPEN: { status: 409, say: 'A review is already in progress in this chat. Type "resume" to continue it.' },
  NOT_CHAIR: { status: 403, say: 'Only the chair can change this review.' },
  REVIEW_CLOSED: { status: 409, say: 'This review is finished and can no longer change.' },
  STEP_NOT_CURRENT: { status: 409, say: 'That card is out of date; here is where the review is now.' },
  STEP_NOT_REACHED: { status: 409, say: 'That step has not been reached yet.' },
  VERSION_CONFLICT: {
    status: 409,
    say: 'The review changed while you were typing, so your last answer was not saved. Your text is kept below: check it and press again.',
  },
  INVALID_INPUT: { status: 200, say: 'Some answers need attention.' },
  NOT_READY_TO_SIGN_OFF: { status: 409, say: 'Some steps still need completing before sign-off.' },
  ALERT_NOT_YOURS: { status: 403, say: 'Only the chair of the case’s latest meeting can record acting on its alerts.' },
  ALERT_NOT_DUE: { status: 409, say: 'That alert is no longer due; here is the list as it is now.' },
  CASE_FILE_NOT_FOUND: { status: 404, say: 'That case file is not available. Type "minutes" to the bot to see your signed-off reviews.' },
  NOT_CASE_FILE_CHAIR: { status: 403, say: 'Only the chair of that review can have its case file.' },
  UNKNOWN_COMMAND: { status: 200, say: 'I did not recognise that. Type "help" to see what I can do.' },
  UNEXPECTED: {
    status: 500,
    say: 'Sorry, something went wrong on our side. Everything you had saved is kept: type "resume" to carry on.',
  },
  UNAUTHENTICATED: { status: 401, say: 'This request does not carry a valid Microsoft Teams (Bot Framework) token.' },
  AUTH_UNAVAILABLE: { status: 503, say: 'The bot cannot check who is calling just now (the sign-in key service did not answer). Try again shortly.' },
  REVIEW_UNREADABLE: {
    status: 500,
    say: 'The saved review in this chat could not be read. Nothing has been changed; please tell your support team.',
  },
  CHAIR_NOT_ELIGIBLE: {
    status: 403,
    say: 'The chair can be handed only to a professional in this chat from your organisation (not a child, parent, carer or family member).',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class CinError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? ERROR_CATALOGUE[code].say);
    this.name = 'CinError';
  }

  get userMessage(): string {
    return ERROR_CATALOGUE[this.code].say;
  }
}

export function userMessageFor(code: ErrorCode): string {
  return ERROR_CATALOGUE[code].say;
}
