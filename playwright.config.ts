import { defineConfig } from '@playwright/test';
import { contractEnv, E2E_SAYMOTION_PORT } from './test/contract/e2eContractEnv.ts';

const PORT = Number(process.env.E2E_PORT ?? 8797);
const DATA_DIR = `.tmp/e2e-data-${PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  outputDir: '.tmp/test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    {
      // SayMotion and Meshy contract servers, so the paid providers run their real adapters (fake credentials).
      command: 'npx tsx test/contract/serve.ts',
      url: `http://127.0.0.1:${E2E_SAYMOTION_PORT}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // A real server on its own data folder, emptied first so every run starts clean (one folder per port, so
      // runs on different E2E_PORTs do not empty each other's). It serves the test build (`vite build --mode e2e`:
      // dist-e2e/, with the window probes the tests read), never dist/.
      command: `rm -rf ${DATA_DIR} && npx tsx server/main.ts`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      // Fast SayMotion polling keeps provider jobs short in e2e; the contract server moves one step per status call.
      env: { PORT: String(PORT), HOST: '127.0.0.1', KINEMA_DATA_DIR: DATA_DIR, KINEMA_DIST_DIR: 'dist-e2e', LOG_LEVEL: 'warn', DM_POLL_INTERVAL_MS: '400', ...contractEnv() },
    },
  ],
});
