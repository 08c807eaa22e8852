import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'devnet',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    fileParallelism: false,
    hookTimeout: 60_000,
  },
})
