/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The PostgreSQL suite needs a server: `npm run test:postgres` (CI runs it).
  testPathIgnorePatterns: ['/node_modules/', '\\.postgres\\.test\\.ts$', '\\.browser\\.test\\.ts$'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // msw 2.x pulls in a few ESM-only packages; jest loads CommonJS, so those (and only those) are transpiled.
    '^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(rettime|until-async|@open-draft/deferred-promise)/)'],
  testTimeout: 60000,
};
