/**
 * End-to-end tests: a real PostgreSQL (embedded, started once for the run, or DATABASE_URL),
 * real subgraph and gateway HTTP servers, queries over HTTP through the gateway.
 */
module.exports = {
  ...require('../jest.preset.js'),
  testMatch: ['**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/testkit/global-setup.ts',
  globalTeardown: '<rootDir>/src/testkit/global-teardown.ts',
  testTimeout: 180000,
};
