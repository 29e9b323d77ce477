import { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';

/** A mention entity the SDK can read; anything else in `entities` is ignored. */
const mention = z.object({
  type: z.string().refine((t) => t.toLowerCase() === 'mention'),
  text: z.string(),
  mentioned: z.object({ id: z.string() }),
});

/**
 * What was typed to the bot, without its @mention (Teams puts `<at>Bot</at>` in a group chat's
 * text). Malformed entities (`mentioned: null`, no type, no text) are ignored rather than thrown
 * on; the activity itself is not changed.
 */
export function commandTextOf(activity: Activity): string | undefined {
  if (typeof activity.text !== 'string') return undefined;
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  const mentions = entities.filter((e) => mention.safeParse(e).success) as Activity['entities'];
  if (typeof activity.recipient?.id !== 'string') return activity.text.trim();
  return TurnContext.removeRecipientMention({ ...activity, entities: mentions }).trim();
}
