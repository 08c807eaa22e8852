import { defineProject } from 'vitest/config'

/** Hooks with @testing-library/react in happy-dom, against the real devnet. */
export default defineProject({
  test: {
    name: 'react',
    environment: 'happy-dom',
    // The shared test wallet (packages/test/src/wallet) is tested here: packages/test has no project of its own.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', '../test/src/wallet/**/*.test.ts'],
    globalSetup: ['@sessionkit/test/globalSetup'],
    // Per-file evm_snapshot/evm_revert; the global setup restarts the bundler on each revert.
    setupFiles: ['@sessionkit/test/setupDevnetFile'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'src/**/*.test-d.tsx'] },
  },
})
