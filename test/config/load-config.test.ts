import { loadConfig } from '../../src/config/load-config';
import { BotProcess } from '../support/bot-process';

describe('loadConfig', () => {
  it('runs in local mode on the embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: 'development',
      localMode: true,
      host: '127.0.0.1',
      port: 3978,
      storage: { kind: 'sqlite', file: './data/cin-reviews.sqlite' },
      allowedTenantIds: [],
    });
  });

  it('binds loopback only in local mode, whatever BIND_HOST says', () => {
    expect(loadConfig({ BIND_HOST: '0.0.0.0' }).host).toBe('127.0.0.1');
    const withCredentials = loadConfig({ BIND_HOST: '0.0.0.0', MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret' });
    expect(withCredentials).toMatchObject({ localMode: false, host: '0.0.0.0' });
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'MicrosoftAppId: production needs the bot credentials'],
    [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword: is required when MicrosoftAppId is set'],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId: is required for SingleTenant'],
    [{ PORT: 'eighty' }, 'PORT:'],
    [{ PORT: '70000' }, 'PORT:'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a postgres:// connection string'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV:'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL:'],
  ])('refuses %j, naming the value', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the booking rules, checked as the slot search checks them, and the shared organiser', () => {
    expect(loadConfig({}).booking).toEqual({
      slotRules: { workingHours: { start: '09:30', end: '16:30' }, schoolHours: { start: '08:45', end: '15:15' }, durationMinutes: 60, stepMinutes: 30, maxSlots: 5 },
      organiser: '',
    });
    const set = loadConfig({ WORKING_HOURS: '09:00 - 17:00', SCHOOL_HOURS: '08:30-15:30', MEETING_MINUTES: '90', BOOKING_ORGANISER: 'cin-reviews@council.example' });
    expect(set.booking).toMatchObject({ slotRules: { workingHours: { start: '09:00', end: '17:00' }, schoolHours: { start: '08:30', end: '15:30' }, durationMinutes: 90 }, organiser: 'cin-reviews@council.example' });
    for (const [name, value, says] of [
      ['WORKING_HOURS', '16:30-09:30', 'the start must be before the end'],
      ['WORKING_HOURS', '9.30 to 4.30', 'HH:mm-HH:mm'],
      ['SCHOOL_HOURS', '08:45-25:00', 'HH:mm'],
      ['MEETING_MINUTES', '5', 'MEETING_MINUTES'],
      ['BOOKING_ORGANISER', 'not an address', 'BOOKING_ORGANISER'],
    ] as const) {
      let message = '';
      try {
        loadConfig({ [name]: value });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(`${name}: `);
      expect(message).toContain(says);
    }
  });

  it('reads the tenant allow-list and PostgreSQL', () => {
    const config = loadConfig({ ALLOWED_TENANT_IDS: ' a , b,,', DATABASE_URL: 'postgres://db/cin' });
    expect(config.allowedTenantIds).toEqual(['a', 'b']);
    expect(config.storage).toEqual({ kind: 'postgres', url: 'postgres://db/cin' });
  });
});

describe('the process', () => {
  it('refuses to start with a policy pack that does not validate, naming the file, field and problem', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'packs-'));
    const good = JSON.parse(readFileSync(join(__dirname, '..', '..', 'packs', 'leicestershire.json'), 'utf8'));
    delete good.minutes;
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(good));
    const bot = new BotProcess({ POLICY_PACKS_DIR: dir, SQLITE_FILE: join(dir, 'x.sqlite') });
    expect(await bot.exitCode()).toBe(1);
    expect(bot.output).toMatch(/broken\.json.*minutes/s);
  });

  it('refuses to start when the default policy pack is not one it has', async () => {
    const bot = new BotProcess({ POLICY_PACK: 'atlantis', SQLITE_FILE: '/tmp/cin-unused.sqlite' });
    expect(await bot.exitCode()).toBe(1);
    expect(bot.output).toContain('no policy pack has the id "atlantis"');
  });

  it('refuses to start in production without bot credentials, and says why', async () => {
    const bot = new BotProcess({ NODE_ENV: 'production' });
    expect(await bot.exitCode()).toBe(1);
    expect(bot.output).toContain('MicrosoftAppId: production needs the bot credentials');
  });
});
