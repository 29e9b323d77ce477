/**
 * The browser test of the Microsoft 365 Agents Playground: `npm run test:browser`.
 * Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH). The default `npm test` leaves it out.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Starting the bot, the Playground and Chromium, then a person's pace of clicking.
  testTimeout: 120000,
  // One Playground and one Chromium at a time.
  maxWorkers: 1,
};
