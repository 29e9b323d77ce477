import { z } from 'zod';
import { caseReferences } from '../domain/review/new-review';
import { londonDate } from '../domain/review/london-time';
import { Review } from '../domain/review/review';
import { EffectFailure } from '../ports/effect-failure';
import { NewEffect } from '../ports/outbox';

/**
 * The case file: the professionals' minutes as a PDF, to the chair alone, in their 1:1 chat with the
 * bot, through Teams' file consent flow, so they can put it on the case record (LCS, Mosaic, ICS).
 * Three effects, each done once: offer it (a file consent card), upload it once the chair accepts
 * (to the upload URL Teams gives), then show it (a file info card).
 */
export const CASE_FILE_OFFER = 'minutes.case-file';
export const CASE_FILE_UPLOAD = 'minutes.case-file-upload';
export const CASE_FILE_INFO = 'minutes.case-file-info';

/** What the file consent card carries, and Teams sends back on accept or decline: which offer of which review. */
export const caseFileContext = z.object({
  reviewId: z.string().min(1).max(64),
  offerId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
});
export type CaseFileContext = z.infer<typeof caseFileContext>;

/** Where Teams lets the bot put the file once the chair accepts (`value.uploadInfo` of the invoke). */
export const uploadInfo = z.object({
  uploadUrl: z.string().url().max(8192),
  contentUrl: z.string().url().max(8192),
  name: z.string().min(1).max(400),
  uniqueId: z.string().min(1).max(400),
  fileType: z.string().max(32).default(''),
});
export type UploadInfo = z.infer<typeof uploadInfo>;

const chairOfOffer = z.object({ tenantId: z.string().min(1), aadObjectId: z.string().min(1), teamsUserId: z.string(), name: z.string() });
export type CaseFileChair = z.infer<typeof chairOfOffer>;

const offerPayload = z.object({ offerId: caseFileContext.shape.offerId, chair: chairOfOffer });
const uploadPayload = offerPayload.extend({ upload: uploadInfo });
const infoPayload = offerPayload.extend({ upload: uploadInfo.omit({ uploadUrl: true }) });

export type CaseFileOffer = z.infer<typeof offerPayload>;
export type CaseFileUpload = z.infer<typeof uploadPayload>;
export type CaseFileInfo = z.infer<typeof infoPayload>;

function read<T>(schema: z.ZodType<T>, effect: { readonly payload: Readonly<Record<string, unknown>> }): T {
  const parsed = schema.safeParse(effect.payload);
  if (!parsed.success) throw new EffectFailure('PAYLOAD_INVALID', 'a case file effect without its offer', { retryable: false });
  return parsed.data;
}
export const readOffer = (effect: { readonly payload: Readonly<Record<string, unknown>> }) => read(offerPayload, effect);
export const readUpload = (effect: { readonly payload: Readonly<Record<string, unknown>> }) => read(uploadPayload, effect);
export const readInfo = (effect: { readonly payload: Readonly<Record<string, unknown>> }) => read(infoPayload, effect);

/** The chair as the offer names them: Teams starts a 1:1 chat only with an Entra id. */
export function chairOfReview(review: Review): CaseFileChair {
  return { tenantId: review.tenantId, aadObjectId: review.chair.aadObjectId ?? '', teamsUserId: review.chair.teamsUserId, name: review.chair.name };
}

/** Sends to the chair's 1:1 chat are paced with the rest of that chat (their minutes card). */
function chatOf(chair: CaseFileChair): string {
  return `personal:${chair.aadObjectId || chair.teamsUserId}`;
}

/** Offer `offerId` of the review's case file to its chair ('sign-off' for the one sign-off makes). */
export function caseFileOfferEffect(review: Review, offerId: string): NewEffect {
  const chair = chairOfReview(review);
  return { kind: CASE_FILE_OFFER, key: `${review.id}:case-file:${offerId}`, reviewId: review.id, conversationId: chatOf(chair), payload: { offerId, chair } };
}

/** The chair accepted offer `offerId`: one upload per offer, however often Teams delivers the accept. */
export function caseFileUploadEffect(review: Review, offerId: string, upload: UploadInfo): NewEffect {
  const chair = chairOfReview(review);
  return { kind: CASE_FILE_UPLOAD, key: `${review.id}:case-file:${offerId}:upload`, reviewId: review.id, conversationId: chatOf(chair), payload: { offerId, chair, upload } };
}

/** Uploaded: the file info card that shows it in the chat (without the upload URL, which is spent). */
export function caseFileInfoEffect(reviewId: string, offer: CaseFileUpload): NewEffect {
  const { uploadUrl: _spent, ...shown } = offer.upload;
  return {
    kind: CASE_FILE_INFO,
    key: `${reviewId}:case-file:${offer.offerId}:info`,
    reviewId,
    conversationId: chatOf(offer.chair),
    payload: { offerId: offer.offerId, chair: offer.chair, upload: shown },
  };
}

/** "CIN-1001, CIN-1002, meeting on Tue 24 Nov 2026": how the chair tells one case file from another. */
export function caseFileLabel(review: Review): string {
  const refs = [...new Set(caseReferences(review))].join(', ') || 'No case reference';
  const meeting = review.setUp?.meetingDate;
  return meeting ? `${refs}, meeting on ${londonDate(`${meeting}T12:00:00Z`)}` : refs;
}

/** The PDF's file name: the case references and the meeting's date, nothing a file system refuses. */
export function caseFileName(review: Review): string {
  const label = caseFileLabel(review).replace(/[\\/:*?"<>|#%\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `CIN review minutes (professionals), ${label.slice(0, 150).trim()}.pdf`;
}
