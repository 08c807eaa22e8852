import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'demo-game',
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
