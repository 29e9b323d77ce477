import { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';

/** One card verb: the shape its data must have, and who handles it. */
export interface CardAction {
  readonly payload: z.ZodType<unknown>;
  handle(context: TurnContext, payload: unknown): Promise<AdaptiveCardInvokeResponse>;
}

/** Pairs a payload schema with its handler, so the handler is typed by the schema. */
export function cardAction<T>(payload: z.ZodType<T>, handle: (context: TurnContext, payload: T) => Promise<AdaptiveCardInvokeResponse>): CardAction {
  return { payload, handle: (context, value) => handle(context, value as T) };
}

/** Every card verb the bot answers, in one table: verb → payload schema → handler. */
export type CardActionTable = Readonly<Record<string, CardAction>>;

/** One table from several (the bot's own verbs, booking's): a verb registered twice is a mistake, refused at start. */
export function cardActionTable(...parts: readonly CardActionTable[]): CardActionTable {
  const table: Record<string, CardAction> = {};
  for (const part of parts) {
    for (const [verb, action] of Object.entries(part)) {
      if (verb in table) throw new Error(`The card verb ${verb} is registered twice`);
      table[verb] = action;
    }
  }
  return table;
}
