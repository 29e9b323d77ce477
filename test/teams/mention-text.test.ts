import fc from 'fast-check';
import { commandTextOf } from '../../src/teams/mention-text';

const BOT = { id: '28:bot', name: 'CIN Review' };
const botMention = { type: 'mention', text: '<at>CIN Review</at>', mentioned: BOT };

describe('commandTextOf: what was typed to the bot, without its @mention', () => {
  it.each([
    ['the bot mentioned', { text: '<at>CIN Review</at> help', entities: [botMention] }, 'help'],
    ['no entities', { text: ' help ' }, 'help'],
    ['someone else mentioned', { text: '<at>Jo</at> help', entities: [{ type: 'mention', text: '<at>Jo</at>', mentioned: { id: '29:jo' } }] }, '<at>Jo</at> help'],
    ['mentioned: null beside a good mention', { text: '<at>CIN Review</at> help', entities: [{ type: 'mention', text: '<at>X</at>', mentioned: null }, botMention] }, 'help'],
    ['mentioned: null alone', { text: '<at>CIN Review</at> help', entities: [{ type: 'mention', text: '<at>CIN Review</at>', mentioned: null }] }, '<at>CIN Review</at> help'],
    ['an entity without a type', { text: 'help', entities: [{ mentioned: BOT, text: 'x' }, null, 'junk'] }, 'help'],
    ['a mention without text', { text: 'help', entities: [{ type: 'mention', mentioned: BOT }] }, 'help'],
    ['a mention with a numeric id', { text: 'help', entities: [{ type: 'Mention', text: 'help', mentioned: { id: 7 } }] }, 'help'],
    ['entities not an array', { text: 'help', entities: { type: 'mention' } }, 'help'],
    ['no recipient', { text: 'help', recipient: undefined, entities: [botMention] }, 'help'],
    ['text not a string', { text: 42, entities: [botMention] }, undefined],
  ])('%s', (_label, activity, expected) => {
    expect(commandTextOf({ recipient: BOT, ...activity } as never)).toBe(expected);
  });

  it('never throws, whatever the entities hold', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.anything(), (text, entities) => {
        const activity = { recipient: BOT, text, entities };
        const result = commandTextOf(activity as never);
        expect(result === undefined || typeof result === 'string').toBe(true);
      }),
    );
  });

  it('does not change the activity it reads', () => {
    const activity = { recipient: BOT, text: '<at>CIN Review</at> due', entities: [botMention] };
    expect(commandTextOf(activity as never)).toBe('due');
    expect(activity.text).toBe('<at>CIN Review</at> due');
  });
});
