import { defineProject } from 'vitest/config'

/** The connected wrappers (`src/connected`) with the real hooks, wagmi and the shared devnet. */
export default defineProject({
  esbuild: { jsx: 'automatic' },
  test: {
    name: 'ui-connected',
    environment: 'happy-dom',
    include: ['src/connected/**/*.test.ts', 'src/connected/**/*.test.tsx'],
    globalSetup: ['@sessionkit/test/globalSetup'],
    // Per-file evm_snapshot/evm_revert; the global setup restarts the bundler on each revert.
    setupFiles: ['@sessionkit/test/setupDevnetFile', './test/setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
