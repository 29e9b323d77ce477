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
