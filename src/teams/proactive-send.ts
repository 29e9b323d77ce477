import { Attachment, CloudAdapter, ConversationReference } from 'botbuilder';

/**
 * Posts one message into a chat outside any turn (continueConversationAsync); the id Teams gave it.
 * A failure inside the turn's logic goes to the adapter's onTurnError, which logs it and carries on:
 * it is caught inside and rethrown here, as it is, so the caller learns of it and can classify it.
 */
export async function sendProactively(adapter: CloudAdapter, botAppId: string, reference: Partial<ConversationReference>, attachment: Attachment, summary: string): Promise<string> {
  let activityId = '';
  let failed: { error: unknown } | undefined;
  try {
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      try {
        const sent = await context.sendActivity({ type: 'message', summary, attachments: [attachment] });
        activityId = sent?.id ?? '';
      } catch (error) {
        failed = { error };
      }
    });
  } catch (error) {
    failed = { error };
  }
  if (failed) throw failed.error;
  return activityId;
}
