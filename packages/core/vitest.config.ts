import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'core',
    environment: 'node',
    // The test contracts' drift check lives beside them in @sessionkit/test.
    include: ['src/**/*.test.ts', '../test/src/contracts/**/*.test.ts'],
    exclude: ['src/**/*.integration.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
  },
})
