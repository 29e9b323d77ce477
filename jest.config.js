/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The PostgreSQL suite needs a server: `npm run test:postgres` (CI runs it).
  testPathIgnorePatterns: ['/node_modules/', '\\.postgres\\.test\\.ts$', '\\.browser\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
};
