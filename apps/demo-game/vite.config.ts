import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** The demo app's Vite config; `scripts/startDemo.ts` adds the `/devnet.json` plugin on top. */
export default defineConfig({
  plugins: [react()],
  // Pre-bundle the heavy dependencies up front so the first page load never triggers a re-optimize reload.
  optimizeDeps: {
    include: [
      'react',
      'react-dom/client',
      'react/jsx-runtime',
      'viem',
      'viem/accounts',
      'wagmi',
      '@tanstack/react-query',
      'radix-ui',
    ],
  },
  build: { target: 'es2022' },
})
