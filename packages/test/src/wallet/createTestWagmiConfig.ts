import { type Config, connect, createConfig, disconnect, http, switchConnection } from '@wagmi/core'
import type { Chain } from 'viem'
import type { TestWallet } from './createTestWallet.js'

export type CreateTestWagmiConfigParameters = {
  /** The chains, the devnet's first (`getDevnet().chain`). */
  chains: readonly [Chain, ...Chain[]]
  /** One connector per wallet, in this order. */
  wallets: readonly [TestWallet, ...TestWallet[]]
}

/** A wagmi config over the given chains with the test wallets as connectors and no persisted wagmi state. */
export function createTestWagmiConfig(parameters: CreateTestWagmiConfigParameters): Config {
  const { chains, wallets } = parameters
  return createConfig({
    chains,
    connectors: wallets.map((wallet) => wallet.connector),
    transports: Object.fromEntries(
      chains.map((chain) => [chain.id, http(chain.rpcUrls.default.http[0])]),
    ),
    // No wagmi storage: nothing to rehydrate, and WagmiProvider keeps connections made before it mounts.
    storage: null,
    multiInjectedProviderDiscovery: false,
    pollingInterval: 100,
  })
}

/** Makes `wallet` the connected account of `config`: connects it (on `chainId` or the first chain) or switches back to it. */
export async function connectTestWallet(
  config: Config,
  wallet: TestWallet,
  options: { chainId?: number | undefined } = {},
): Promise<void> {
  const connector = config.connectors.find((c) => c.id === wallet.id)
  if (!connector) throw new Error(`Wallet ${wallet.id} is not a connector of this wagmi config.`)
  if (config.state.connections.has(connector.uid)) await switchConnection(config, { connector })
  else await connect(config, { connector, chainId: options.chainId })
}

/** Disconnects every connection of `config`. */
export async function disconnectAll(config: Config): Promise<void> {
  for (const connection of config.state.connections.values())
    await disconnect(config, { connector: connection.connector })
}
