import { defineConfig, devices } from '@playwright/test';
import { E2E_WORKERS, e2eBaseUrl } from './e2e/environment.mjs';

// Debian's chromium (apt-get install -y chromium chromium-l10n): Playwright's own browser download
// cannot work here. Device presets replace launchOptions, so every project names the executable
// again. `locale` below sets what pages read (navigator.language, Intl, Accept-Language), but native
// date and time inputs follow the browser's own UI language, which Chromium on Linux takes from
// LANGUAGE (it ignores --lang) and can only use with chromium-l10n's id.pak; without both the test
// chromium shows mm/dd/yyyy. People's browsers use their own locale, which is right.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  env: { ...process.env, LANGUAGE: 'id' },
};

const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 } };
const phone = { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } };
export const DEVICES = { desktop, phone };

// Workers run side by side, each against a Gaung of its own (its slot: e2e/environment.mjs, chosen
// in e2e/fixtures.ts by the worker's parallel index): a spec file's tests run one after another in
// one worker on that Gaung's data, and never see another worker's changes.
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'off',
    screenshot: 'off',
  },
  // Tests run on a desktop and a phone; `npm run screenshots` runs the *.shots.ts files instead.
  projects: [
    { name: 'desktop', testMatch: /\.spec\.ts$/, use: { ...desktop, launchOptions: chromium } },
    { name: 'phone', testMatch: /\.spec\.ts$/, use: { ...phone, launchOptions: chromium } },
    { name: 'screenshots', testMatch: /\.shots\.ts$/, use: { launchOptions: chromium } },
  ],
  webServer: Array.from({ length: E2E_WORKERS }, (_, slot) => ({
    command: `node e2e/serve.mjs ${slot}`,
    url: `${e2eBaseUrl(slot)}/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
