// One SWC config (.swcrc) serves the build and the tests. NestJS 12 is ESM-only, so its packages
// are transformed too (Jest on Node 20 cannot load ESM by itself).
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/no-overlapping-queries.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.chaos\\.ts$'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swc, swcrc: false }] },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)',
  ],
  maxWorkers: 2,
  testTimeout: 30000,
};
