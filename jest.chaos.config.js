// The chaos suite (npm run test:chaos): worker processes killed at random, Redis restarted,
// Postgres connections cut. Long by default; CHAOS_KILLS / CHAOS_TARGETS set its size.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/*.chaos.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 4 * 60 * 60 * 1000,
};
