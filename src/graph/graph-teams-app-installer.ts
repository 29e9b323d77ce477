import { GraphError } from '@microsoft/microsoft-graph-client';
import { TeamsAppInstaller } from '../ports/teams-app-installer';
import { GraphRequests, userPath } from './graph-requests';
import { RetryPolicy, Sleep, withRetries } from './graph-retry';

/**
 * Installs the bot's Teams app for a user (application permission
 * TeamsAppInstallation.ReadWriteSelfForUser.All). `catalogAppId` is the app's id in the organisation's
 * catalog (GET /appCatalogs/teamsApps?$filter=externalId eq '{manifest id}'), not the manifest id.
 * 201 is installed, 409 already installed; a repeat after a lost answer finds 409, so retrying is safe.
 */
export class GraphTeamsAppInstaller implements TeamsAppInstaller {
  constructor(
    private readonly graph: GraphRequests,
    private readonly catalogAppId: string,
    private readonly retry: RetryPolicy,
    private readonly sleep: Sleep,
  ) {}

  installForUser(userAadObjectId: string): Promise<'installed' | 'already-installed'> {
    const body = { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${encodeURIComponent(this.catalogAppId)}` };
    return withRetries(
      () =>
        this.graph.send({ mutating: true, what: 'install the Teams app' }, `${userPath(userAadObjectId)}/teamwork/installedApps`, (r) =>
          r.post(body).then(
            () => 'installed' as const,
            (error: unknown) => {
              if (error instanceof GraphError && error.statusCode === 409) return 'already-installed' as const;
              throw error;
            },
          ),
        ),
      this.retry,
      this.sleep,
    );
  }
}
