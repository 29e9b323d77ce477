/** Installs the bot's Teams app for a user, so the bot may start a 1:1 chat with them (Graph). */
export interface TeamsAppInstaller {
  /** By the user's Entra object id; 'already-installed' is as good as 'installed'. Throws EffectFailure. */
  installForUser(userAadObjectId: string): Promise<'installed' | 'already-installed'>;
}
