import { configDefaults, defineProject } from 'vitest/config'

export default defineProject({
  esbuild: { jsx: 'automatic' },
  test: {
    name: 'ui',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // The connected wrappers need the devnet: they run in `ui-connected` (vitest.connected.config.ts).
    exclude: [...configDefaults.exclude, 'src/connected/**'],
    setupFiles: ['./test/setup.ts'],
  },
})
