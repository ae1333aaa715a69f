// The chaos suite (npm run test:chaos): worker processes killed at random, Redis restarted,
// Postgres connections cut. Long by default; CHAOS_KILLS / CHAOS_TARGETS set its size.
// The e2e tier's settings (jest.config.js), its own files.
const e2e = require('./jest.config.js').projects.find((project) => project.displayName === 'e2e');

module.exports = {
  ...e2e,
  displayName: 'chaos',
  testMatch: ['**/*.chaos.ts'],
  maxWorkers: 1,
  testTimeout: 4 * 60 * 60 * 1000,
};
