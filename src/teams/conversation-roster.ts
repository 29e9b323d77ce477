import { TeamsInfo, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { canonicalEntraId } from '../domain/identity/entra-id';
import { TeamsPerson } from '../domain/review/review';
import { Logger } from '../logging/logger';

const MAX_ROSTER = 60;
/** Teams redelivers a message it has waited 15 s for: the roster is a nicety, never worth that. */
const ROSTER_TIMEOUT_MS = 5000;

/** The email Teams gives for a member, or their UPN when it is one (a UPN need not be an address). */
function emailOf(member: { email?: string; userPrincipalName?: string }): { email?: string } {
  const address = [member.email, member.userPrincipalName].map((v) => v?.trim() ?? '').find((v) => EMAIL.safeParse(v).success);
  return address ? { email: address } : {};
}

const EMAIL = z.email().max(254);

/** Who Teams says is in this chat or meeting, offered to the chair as a starting list. */
export async function rosterOf(context: TurnContext, logger: Logger): Promise<TeamsPerson[]> {
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${ROSTER_TIMEOUT_MS} ms`)), ROSTER_TIMEOUT_MS);
    });
    const page = await Promise.race([TeamsInfo.getPagedMembers(context, MAX_ROSTER), timeout]).finally(() => clearTimeout(timer));
    return page.members
      .filter((m) => m.id && m.name)
      .map((m) => ({
        teamsUserId: m.id,
        name: m.name,
        ...(m.aadObjectId ? { aadObjectId: canonicalEntraId(m.aadObjectId) } : {}),
        // Whose organisation they belong to: the chair is handed only to people of the review's tenant.
        ...(m.tenantId ? { tenantId: canonicalEntraId(m.tenantId) } : {}),
        ...emailOf(m),
      }));
  } catch (error) {
    logger.log('warn', 'roster.unavailable', { reason: (error as Error).message });
    return [];
  }
}
