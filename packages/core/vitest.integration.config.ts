import { defineProject } from 'vitest/config'

/** Core against the real devnet (anvil + Delegation Framework + alto + paymaster). */
export default defineProject({
  test: {
    name: 'core-integration',
    environment: 'node',
    include: ['src/**/*.integration.test.ts'],
    globalSetup: ['@sessionkit/test/globalSetup'],
    setupFiles: ['@sessionkit/test/setupDevnetFile'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
