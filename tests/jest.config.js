/** End-to-end tests: real PostgreSQL, real subgraph and gateway HTTP servers. */
module.exports = {
  ...require('../jest.preset.js'),
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120000,
};
