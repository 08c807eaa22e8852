import { defineProject } from 'vitest/config'

/** Reliability suite in real Chromium (node-driven Playwright): storage at rest, tampering, two tabs. */
export default defineProject({
  test: {
    name: 'reliability-browser',
    environment: 'node',
    include: ['src/browser/**/*.test.ts'],
    globalSetup: ['@sessionkit/test/globalSetup', './src/setup/summary.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
