import { defineProject } from 'vitest/config'

/** The connected wrappers (`src/connected`) with the real hooks, wagmi and the shared devnet. */
export default defineProject({
  esbuild: { jsx: 'automatic' },
  test: {
    name: 'ui-connected',
    environment: 'happy-dom',
    include: ['src/connected/**/*.test.ts', 'src/connected/**/*.test.tsx'],
    globalSetup: ['@sessionkit/test/globalSetup'],
    // No per-file evm_snapshot/evm_revert (`@sessionkit/test/setupDevnetFile`): reverting the chain
    // under the bundler leaves its executor nonces ahead and later UserOperations never land
    // (see packages/react/vitest.config.ts). Files deploy their own contracts and use fresh keys.
    setupFiles: ['./test/setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
