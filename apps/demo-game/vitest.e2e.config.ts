import { defineProject } from 'vitest/config'

/** Browser end-to-end: the demo (devnet + Vite) driven in Debian's Chromium by playwright-core. */
export default defineProject({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 200_000,
    fileParallelism: false,
  },
})
