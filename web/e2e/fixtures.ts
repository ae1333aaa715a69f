import { test as base } from '@playwright/test';
import { e2eBaseUrl } from './environment.mjs';

/**
 * Playwright's `test`, with each worker against a Gaung of its own: its slot is the worker's
 * parallel index (web/e2e/environment.mjs gives each slot a port, a database and a queue prefix),
 * so workers running side by side never see each other's changes. Specs import `test` from here.
 */
export const test = base.extend({
  baseURL: async ({}, use, testInfo) => use(e2eBaseUrl(testInfo.parallelIndex)),
});

export { expect } from '@playwright/test';
