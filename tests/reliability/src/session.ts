import {
  createMemoryStorage,
  createSessionConfig,
  type EngineOptions,
  type SessionConfig,
  type SessionStorage,
} from '@sessionkit/core'
import type { DevAccount } from '@sessionkit/devnet'
import {
  connectTestWallet,
  createTestWagmiConfig,
  createTestWallet,
  type TestWallet,
} from '@sessionkit/test'
import type { Config } from '@wagmi/core'
import type { Chain } from 'viem'

/** The parts of a devnet (shared or private) that the suite needs. */
export type DevnetLike = {
  chain: Chain
  rpcUrl: string
  bundlerUrl: string
  paymasterUrl: string
  environment: unknown
  accounts: DevAccount[]
}

export type TestApp = {
  wallet: TestWallet
  wagmi: Config
  config: SessionConfig
  storage: SessionStorage
}

/** A dApp as the suite drives it: a test wallet connected through wagmi, and a session config on the devnet. */
export async function createTestApp(parameters: {
  devnet: DevnetLike
  /** Index into the devnet's dev accounts for the wallet. */
  walletIndex: number
  storage?: SessionStorage | undefined
  engine?: EngineOptions | undefined
}): Promise<TestApp> {
  const { devnet } = parameters
  const key = devnet.accounts[parameters.walletIndex]
  if (!key) throw new Error(`the devnet has no dev account ${parameters.walletIndex}`)
  const wallet = createTestWallet({ privateKey: key.privateKey })
  const wagmi = createTestWagmiConfig({ chains: [devnet.chain], wallets: [wallet] })
  await connectTestWallet(wagmi, wallet)
  const storage = parameters.storage ?? createMemoryStorage()
  const config = createSessionConfig({
    wagmi,
    app: { name: 'Reliability suite', url: 'https://reliability.sessionkit.test' },
    chains: {
      [devnet.chain.id]: {
        bundlerUrl: devnet.bundlerUrl,
        paymasterUrl: devnet.paymasterUrl,
        environment: devnet.environment as never,
      },
    },
    storage,
    engine: parameters.engine,
  })
  return { wallet, wagmi, config, storage }
}
