import type { CaseFileContext, CaseFileInfo } from './case-file-effects';

/** Teams' file consent card: the bot asks to put a file in the user's OneDrive; Teams returns the context on accept or decline. */
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
/** Teams' file info card: shows a file the bot uploaded, opened from the user's OneDrive. */
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/** An attachment of a Teams message, as the connector takes it. */
export interface FileAttachment {
  readonly contentType: string;
  readonly name: string;
  readonly contentUrl?: string;
  readonly content: Readonly<Record<string, unknown>>;
}

export function fileConsentCard(file: { name: string; description: string; sizeInBytes: number }, context: CaseFileContext): FileAttachment {
  return {
    contentType: FILE_CONSENT_CARD,
    name: file.name,
    content: { description: file.description, sizeInBytes: file.sizeInBytes, acceptContext: { ...context }, declineContext: { ...context } },
  };
}

export function fileInfoCard(upload: CaseFileInfo['upload']): FileAttachment {
  return { contentType: FILE_INFO_CARD, name: upload.name, contentUrl: upload.contentUrl, content: { uniqueId: upload.uniqueId, fileType: upload.fileType } };
}
