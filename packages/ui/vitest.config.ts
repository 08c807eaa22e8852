import { defineProject } from 'vitest/config'

export default defineProject({
  esbuild: { jsx: 'automatic' },
  test: {
    name: 'ui',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['./test/setup.ts'],
  },
})
