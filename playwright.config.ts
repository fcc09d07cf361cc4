import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3901);
export const baseURL = `http://localhost:${port}`;

/** Journeys in Debian's Chromium (never a downloaded browser) against a Qiao on a fresh database. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  outputDir: 'test-results/e2e',
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }],
  ],
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node e2e/server.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The email journey sends mail to Qiao's SMTP listener on the next port.
    env: {
      E2E_PORT: String(port),
      QIAO_SMTP_LISTEN_PORT: String(port + 1),
      QIAO_SMTP_LISTEN_HOST: '127.0.0.1',
    },
    // SIGTERM lets the e2e server stop its embedded PostgreSQL and remove its data (the default kills it).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
