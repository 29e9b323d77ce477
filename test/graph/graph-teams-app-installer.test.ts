import { adaptersFor, CATALOG_APP_ID, graphFakePerTest } from '../support/graph-fake/fake-adapters';
import { GraphFake } from '../support/graph-fake/graph-fake';
import { VirtualClock } from '../support/graph-fake/virtual-clock';

const USER = '6f1c0d2e-0000-4000-8000-00000000a11c';
const INSTALLED_APPS = /\/teamwork\/installedApps$/;

let fake: GraphFake;
let clock: VirtualClock;
graphFakePerTest(
  (f, c) => ((fake = f), (clock = c)),
  () => fake,
);

describe('GraphTeamsAppInstaller', () => {
  it('installs the catalog app for the user, then finds it already installed', async () => {
    const { teamsAppInstaller } = adaptersFor(fake, { clock });
    await expect(teamsAppInstaller.installForUser(USER)).resolves.toBe('installed');
    await expect(teamsAppInstaller.installForUser(USER)).resolves.toBe('already-installed');

    expect(fake.requestsTo('POST', INSTALLED_APPS)[0]?.body).toEqual({
      'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_APP_ID}`,
    });
    expect([...(fake.calendar.installed.get(USER) ?? [])]).toEqual([CATALOG_APP_ID]);
  });

  it('a 504 after the install went through, then a retry: already installed', async () => {
    fake.fail({ method: 'POST', path: INSTALLED_APPS, status: 504, when: 'after' });
    await expect(adaptersFor(fake, { clock }).teamsAppInstaller.installForUser(USER)).resolves.toBe('already-installed');
    expect(fake.requestsTo('POST', INSTALLED_APPS).map((r) => r.status)).toEqual([504, 409]);
  });

  it('an app that is not in the catalog is a refusal with Graph\'s code', async () => {
    const other = new GraphFake({ now: clock.now, catalogAppIds: ['some-other-app'] });
    fake.close();
    fake = other;
    fake.listen();
    const failure = await adaptersFor(fake, { clock }).teamsAppInstaller.installForUser(USER).then(() => undefined, (e: unknown) => e);
    expect(failure).toMatchObject({ code: 'NotFound', options: { retryable: false } });
  });
});
