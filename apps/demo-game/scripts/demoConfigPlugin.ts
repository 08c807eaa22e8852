import type { Plugin } from 'vite'
import type { DemoConfig } from '../src/config/demoConfig.js'

/** Serves the running devnet's config to the app at `/devnet.json`. */
export function demoConfigPlugin(config: DemoConfig): Plugin {
  const body = JSON.stringify(config)
  return {
    name: 'sessionkit-demo-config',
    configureServer(server) {
      server.middlewares.use('/devnet.json', (_req, res) => {
        res.setHeader('content-type', 'application/json')
        res.setHeader('cache-control', 'no-store')
        res.end(body)
      })
    },
  }
}
