import { defineConfig } from 'vitest/config'

/** One root config; each package is a project. Devnet-backed suites share one stack via globalSetup. */
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest*.config.ts',
      'apps/*/vitest*.config.ts',
      '.storybook/vitest*.config.ts',
      'tests/*/vitest*.config.ts',
      'bench/vitest*.config.ts',
    ],
  },
})
