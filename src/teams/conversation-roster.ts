import { TeamsInfo, TurnContext } from 'botbuilder';
import { TeamsPerson } from '../domain/review/review';
import { Logger } from '../logging/logger';

const MAX_ROSTER = 60;

/** Who Teams says is in this chat or meeting, offered to the chair as a starting list. */
export async function rosterOf(context: TurnContext, logger: Logger): Promise<TeamsPerson[]> {
  try {
    const page = await TeamsInfo.getPagedMembers(context, MAX_ROSTER);
    return page.members
      .filter((m) => m.id && m.name)
      .map((m) => ({ teamsUserId: m.id, name: m.name, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}) }));
  } catch (error) {
    logger.log('warn', 'roster.unavailable', { reason: (error as Error).message });
    return [];
  }
}
