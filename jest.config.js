// One SWC config (.swcrc) serves the build and the tests. NestJS 12 is ESM-only, so its packages
// are transformed too (Jest on Node 20 cannot load ESM by itself).
//
// Three tiers, one jest project each (README, "Tests"); `jest` with no arguments runs all three:
//   unit      *.spec.ts beside their code (and test/**/*.spec.ts): no app, no database, no network
//   contract  test/**/*.contract.ts: a publisher against its platform's local contract server
//             (test/contracts/<platform>): no app, no database
//   e2e       test/**/*.e2e.ts: the app (or part of it) against real Postgres and Redis
// One tier: `npx jest --selectProjects contract` (or unit, e2e).
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const common = {
  testEnvironment: 'node',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/test/support/no-overlapping-queries.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swc, swcrc: false }] },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|@apidevtools)/)',
  ],
  testTimeout: 30000,
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src', '<rootDir>/test'], testMatch: ['**/*.spec.ts'] },
    { ...common, displayName: 'contract', roots: ['<rootDir>/test'], testMatch: ['**/*.contract.ts'] },
    { ...common, displayName: 'e2e', roots: ['<rootDir>/test'], testMatch: ['**/*.e2e.ts'] },
  ],
  maxWorkers: 2,
  // Jest reads the timeout from the top level when it runs projects.
  testTimeout: common.testTimeout,
};
