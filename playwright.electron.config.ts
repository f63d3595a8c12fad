import { defineConfig } from '@playwright/test';

// The Electron smoke test (tests/electron). Needs an Electron binary and a build:
//   npx electron-vite build && xvfb-run -a npx playwright test -c playwright.electron.config.ts
// Without the binary every test is reported as skipped, with the reason.
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
