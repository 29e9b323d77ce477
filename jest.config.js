/**
 * msw (the in-process fake of outside HTTP services in tests) needs a few packages that ship only
 * as ES modules; jest runs CommonJS, so those few are compiled to it, and nothing else in node_modules.
 */
const ESM_ONLY = '(rettime|until-async|@open-draft/deferred-promise)';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The PostgreSQL suite needs a server: `npm run test:postgres` (CI runs it).
  testPathIgnorePatterns: ['/node_modules/', '\\.postgres\\.test\\.ts$', '\\.browser\\.test\\.ts$'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    [`/node_modules/${ESM_ONLY}/.+\\.m?js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true }],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  testTimeout: 60000,
};
