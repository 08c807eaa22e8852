import { createSessionConfig } from '@sessionkit/react'
import type { Config } from 'wagmi'
import type { DemoConfig } from '../config/demoConfig.js'

/** Sessionkit config for the demo: the devnet's bundler and paymaster, sessions kept in IndexedDB. */
export function createDemoSessionConfig(parameters: {
  config: DemoConfig
  wagmi: Config
  appName: string
  appUrl: string
}) {
  const { config, wagmi, appName, appUrl } = parameters
  return createSessionConfig({
    wagmi,
    app: { name: appName, url: appUrl },
    chains: {
      [config.chainId]: {
        bundlerUrl: config.bundlerUrl,
        paymasterUrl: config.paymasterUrl,
        environment: config.environment,
      },
    },
  })
}
