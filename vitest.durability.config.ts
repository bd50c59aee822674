import { defineConfig } from 'vitest/config';

/**
 * `npm run test:durability`: kill -9 and soak tests. They take minutes, so they
 * are not part of `npm test`'s unit run (vitest.config.ts includes tests/unit only);
 * CI runs them after `npm test`.
 */
export default defineConfig({
  test: {
    include: ['tests/durability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    pool: 'forks',
    globalSetup: ['tests/setup/buildClipWorker.ts'],
    setupFiles: ['tests/setup/useClipWorker.ts'],
    // One child-process workload at a time: these tests measure what survives a kill, not how fast two run together.
    fileParallelism: false,
  },
});
