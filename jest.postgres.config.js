/** The store's contract against a real PostgreSQL (CIN_TEST_POSTGRES_URL, default the local `test` database). */
const base = require('./jest.config');
module.exports = { ...base, testMatch: ['**/*.postgres.test.ts'], testPathIgnorePatterns: ['/node_modules/'] };
