/**
 * Puts a file where its owner agreed to have it: the upload URL Teams hands the bot when a user
 * accepts a file consent card (a OneDrive upload session in their own OneDrive). Throws
 * EffectFailure: retryable when the other side may take it later (429, 5xx, no answer).
 */
export interface ConsentedUploads {
  upload(uploadUrl: string, bytes: Uint8Array, contentType: string): Promise<void>;
}
