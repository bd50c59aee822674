import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Playwright specs live in tests/e2e and must never be collected here.
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // Clip tests start an extraction worker (jsdom, compromise) on first use: generous on a loaded 2-core machine.
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['tests/setup/buildClipWorker.ts'],
    setupFiles: ['tests/setup/useClipWorker.ts'],
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, half of it idle.
    maxWorkers: 2,
  },
});
