import { type Chain, defineChain } from 'viem'
import { createConfig, http, injected } from 'wagmi'
import { dungeonAbi } from '../contracts/dungeon.js'
import type { Approvals } from '../wallet/approvals.js'
import { devWallet } from '../wallet/devWallet.js'
import type { DemoConfig } from './demoConfig.js'

/** The devnet as a viem chain. */
export function toChain(config: DemoConfig): Chain {
  return defineChain({
    id: config.chainId,
    name: 'Sessionkit Devnet',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
    testnet: true,
  })
}

/** wagmi config for the demo: the devnet chain, the dev wallet, and an injected wallet if the browser has one. */
export function createDemoWagmiConfig(parameters: {
  config: DemoConfig
  approvals: Approvals
  hasInjected: boolean
}) {
  const { config, approvals, hasInjected } = parameters
  const chain = toChain(config)
  const dev = devWallet({
    privateKey: config.player.privateKey,
    approvals,
    abis: [{ name: 'Dungeon', abi: dungeonAbi }],
  })
  return createConfig({
    chains: [chain],
    connectors: hasInjected ? [injected(), dev] : [dev],
    transports: { [chain.id]: http(config.rpcUrl) },
    pollingInterval: 250,
  })
}
