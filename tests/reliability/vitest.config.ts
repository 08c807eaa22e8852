import { defineProject } from 'vitest/config'

/** Reliability and security suite on the devnet (node): fuzz, faults, leaked-key attacks, bad input. */
export default defineProject({
  test: {
    name: 'reliability',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    exclude: ['src/browser/**'],
    globalSetup: ['@sessionkit/test/globalSetup', './src/setup/summary.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
