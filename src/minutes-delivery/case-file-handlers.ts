import { asPlainText } from '../cards/plain-text';
import { renderMinutesPdf } from '../documents/minutes-pdf';
import { minutesDocumentOf } from '../domain/minutes-delivery';
import { Review } from '../domain/review/review';
import { EffectHandler } from '../outbox/outbox-dispatcher';
import { DEFAULT_RETRY_POLICY, RetryPolicy, givesUp } from '../outbox/retry-policy';
import { ConsentedUploads } from '../ports/consented-upload';
import { ConversationDirectory } from '../ports/conversation-directory';
import { EffectFailure } from '../ports/effect-failure';
import { EffectQueue, StoredEffect } from '../ports/outbox';
import { ReviewStore } from '../ports/review-store';
import type { PersonalChatUser } from '../teams/personal-chat';
import { FileAttachment, fileConsentCard, fileInfoCard } from './case-file-attachments';
import { CaseFileChair, caseFileInfoEffect, caseFileLabel, caseFileName, readInfo, readOffer, readUpload } from './case-file-effects';

export interface CaseFileDependencies {
  readonly reviews: Pick<ReviewStore, 'get'>;
  /** The chair's 1:1 chat with the bot (PersonalChats). */
  readonly chats: { sendAttachment(user: PersonalChatUser, attachment: FileAttachment, summary: string): Promise<unknown> };
  readonly directory: Pick<ConversationDirectory, 'chat'>;
  readonly uploads: ConsentedUploads;
  readonly queue: EffectQueue;
  readonly now: () => string;
  /** The dispatcher's policy: an upload it gives up on is told to the chair. */
  readonly retry?: RetryPolicy;
}

/** The case file is the professionals' minutes, rendered from the review as stored. */
function renderCaseFile(review: Review): Promise<Buffer> {
  return renderMinutesPdf(minutesDocumentOf(review, 'professionals'));
}

/** 'minutes.case-file': a file consent card in the chair's 1:1 chat, naming the file and its size. */
export function caseFileOfferHandler(deps: CaseFileDependencies): EffectHandler {
  return {
    pacedPerChat: true,
    async perform(effect) {
      const offer = readOffer(effect);
      const review = await signedOff(deps, effect);
      const pdf = await renderCaseFile(review);
      const card = fileConsentCard(
        {
          name: caseFileName(review),
          description: `The minutes for professionals of the Child in Need review (${caseFileLabel(review)}), to keep on the case record. Accept to save them to your OneDrive.`,
          sizeInBytes: pdf.byteLength,
        },
        { reviewId: review.id, offerId: offer.offerId },
      );
      await deps.chats.sendAttachment(await userOf(deps, review, offer.chair), card, `Case file: ${caseFileLabel(review)}`);
    },
  };
}

/**
 * 'minutes.case-file-upload': the chair accepted, so the PDF goes to the upload URL Teams gave, then
 * the file info card is queued (its own effect: a failed send of the card never uploads twice).
 */
export function caseFileUploadHandler(deps: CaseFileDependencies): EffectHandler {
  return {
    pacedPerChat: false,
    async perform(effect) {
      const upload = readUpload(effect);
      const review = await signedOff(deps, effect);
      try {
        await deps.uploads.upload(upload.upload.uploadUrl, await renderCaseFile(review), 'application/pdf');
      } catch (error) {
        // As the dispatcher reads it: anything but a refusal that will not change is tried again.
        const retryable = error instanceof EffectFailure ? error.retryable : true;
        if (!retryable || givesUp(deps.retry ?? DEFAULT_RETRY_POLICY, effect.attempts + 1)) await tellChairUploadFailed(deps, review, upload.chair);
        throw error;
      }
      await deps.queue.queue([caseFileInfoEffect(review.id, upload)], deps.now());
    },
  };
}

/** 'minutes.case-file-info': the uploaded file, shown in the chair's 1:1 chat as Teams shows a file. */
export function caseFileInfoHandler(deps: CaseFileDependencies): EffectHandler {
  return {
    pacedPerChat: true,
    async perform(effect) {
      const info = readInfo(effect);
      const review = await signedOff(deps, effect);
      await deps.chats.sendAttachment(await userOf(deps, review, info.chair), fileInfoCard(info.upload), `Case file saved: ${caseFileLabel(review)}`);
    },
  };
}

/** Given up: the chair learns the file did not arrive, and how to have it again. */
async function tellChairUploadFailed(deps: CaseFileDependencies, review: Review, chair: CaseFileChair): Promise<void> {
  const text = `The case file for ${caseFileLabel(review)} could not be saved to your OneDrive. Type "minutes" here to have it offered again.`;
  const card: FileAttachment = {
    contentType: 'application/vnd.microsoft.card.adaptive',
    name: '',
    content: { type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', body: [{ type: 'TextBlock', text: asPlainText(text), wrap: true }] },
  };
  await deps.chats.sendAttachment(await userOf(deps, review, chair), card, 'The case file could not be saved').catch(() => undefined);
}

async function userOf(deps: CaseFileDependencies, review: Review, chair: CaseFileChair): Promise<PersonalChatUser> {
  if (!chair.aadObjectId) throw new EffectFailure('NO_ENTRA_ID', 'Teams gave no Entra id for the chair: their 1:1 chat cannot be started', { retryable: false });
  const chat = await deps.directory.chat(review.conversationId);
  return { ...chair, serviceUrl: chat?.serviceUrl ?? '' };
}

async function signedOff(deps: CaseFileDependencies, effect: StoredEffect): Promise<Review> {
  const review = await deps.reviews.get(effect.reviewId);
  if (!review) throw new EffectFailure('REVIEW_UNKNOWN', 'the review of this case file is not stored', { retryable: false });
  if (review.status !== 'signed-off') throw new EffectFailure('NOT_SIGNED_OFF', 'a case file is sent only once signed off', { retryable: false });
  return review;
}
