import { InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { CinError, ERROR_CATALOGUE, ErrorCode, userMessageFor } from '../errors/error-catalogue';
import { Logger } from '../logging/logger';
import { caseFileContext, caseFileLabel, uploadInfo } from '../minutes-delivery/case-file-effects';
import { CaseFiles } from '../use-cases/case-files';
import { conversationOf, personOf } from './teams-turn';

/** The invoke Teams sends when a user accepts or declines a file consent card. */
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

/** Its value: the user's choice, the context the card carried, and (on accept) where to put the file. */
const consentValue = z.object({
  type: z.string().max(64).optional(),
  action: z.enum(['accept', 'decline']),
  context: caseFileContext,
  uploadInfo: uploadInfo.optional(),
});

export interface FileConsentDependencies {
  readonly caseFiles: CaseFiles;
  readonly logger: Logger;
  readonly clock: () => { now: string; today: string };
}

/**
 * The chair's answer to the case file's consent card. Accept: the presser must be the review's chair,
 * in its tenant (checked against Teams' identity, never the card's context); the upload is queued as
 * an effect and the invoke answered 200 at once (the outbox uploads, with retries, then shows the
 * file). Decline: said plainly, with how to have it again. Anything else is refused and nothing uploaded.
 */
export async function answerFileConsent(deps: FileConsentDependencies, context: TurnContext): Promise<InvokeResponse> {
  try {
    const parsed = consentValue.safeParse(context.activity.value);
    if (!parsed.success) return refused(deps, context, 'PAYLOAD_INVALID', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { action, context: offer, uploadInfo: upload } = parsed.data;
    const conversation = conversationOf(context);
    const actor = personOf(context);
    if (action === 'decline') {
      const checked = await deps.caseFiles.check(conversation, actor, offer.reviewId);
      deps.logger.log('info', 'case-file.declined', { reviewId: offer.reviewId, ok: checked.ok });
      await context.sendActivity(
        checked.ok
          ? `You declined the case file for ${caseFileLabel(checked.review)}, so it has not been saved. Type "minutes" here whenever you want it again.`
          : userMessageFor(checked.code),
      );
      return { status: 200 };
    }
    if (!upload) return refused(deps, context, 'PAYLOAD_INVALID', 'an accept without uploadInfo');
    const accepted = await deps.caseFiles.accept(conversation, actor, offer, upload, deps.clock().now);
    if (!accepted.ok) return refused(deps, context, accepted.code, `review ${offer.reviewId}`);
    deps.logger.log('info', 'case-file.accepted', { reviewId: offer.reviewId, offerId: offer.offerId });
    return { status: 200 };
  } catch (error) {
    const code = error instanceof CinError ? error.code : 'UNEXPECTED';
    deps.logger.log('error', 'case-file.failed', { code, error: (error as Error).stack });
    return { status: ERROR_CATALOGUE[code].status, body: { code, message: userMessageFor(code) } };
  }
}

async function refused(deps: FileConsentDependencies, context: TurnContext, code: ErrorCode, problem: string): Promise<InvokeResponse> {
  deps.logger.log('info', 'case-file.refused', { code, problem: problem.slice(0, 200) });
  await context.sendActivity(userMessageFor(code));
  return { status: ERROR_CATALOGUE[code].status, body: { code, message: userMessageFor(code) } };
}
