import { defineConfig, devices } from '@playwright/test';
import { E2E_SLOTS, e2eBaseUrl } from './e2e/environment.mjs';

// Debian's chromium (apt-get install -y chromium chromium-l10n): Playwright's own browser download
// cannot work here. Device presets replace launchOptions, so every project names the executable
// again. `locale` below sets what pages read (navigator.language, Intl, Accept-Language), but native
// date and time inputs follow the browser's own UI language, which Chromium on Linux takes from
// LANGUAGE (it ignores --lang) and can only use with chromium-l10n's id.pak; without both the test
// chromium shows mm/dd/yyyy. People's browsers use their own locale, which is right.
const chromium = { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', env: { ...process.env, LANGUAGE: 'id' } };

const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 } };
const phone = { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } };
export const DEVICES = { desktop, phone };

// The desktop and the phone projects run at the same time, one worker each, each against a Gaung
// of its own (e2e/environment.mjs: port, database, queue prefix): a project's tests still run one
// after another on their own data, so they never see each other's changes.
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 2,
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
    { name: 'desktop', testMatch: /\.spec\.ts$/, workers: 1, use: { ...desktop, baseURL: e2eBaseUrl(E2E_SLOTS.desktop), launchOptions: chromium } },
    { name: 'phone', testMatch: /\.spec\.ts$/, workers: 1, use: { ...phone, baseURL: e2eBaseUrl(E2E_SLOTS.phone), launchOptions: chromium } },
    { name: 'screenshots', testMatch: /\.shots\.ts$/, workers: 1, use: { baseURL: e2eBaseUrl(E2E_SLOTS.screenshots), launchOptions: chromium } },
  ],
  webServer: [0, 1].map((slot) => ({
    command: `node e2e/serve.mjs ${slot}`,
    url: `${e2eBaseUrl(slot)}/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
