import {
  createMemoryStorage,
  createSessionConfig,
  definePolicy,
  type SessionConfig,
  type SessionStorage,
} from '@sessionkit/core'
import {
  connectTestWallet,
  createTestWagmiConfig,
  createTestWallet,
  getDevnet,
  type TestWallet,
} from '@sessionkit/test'
import { counterAbi, deployTestContracts, type TestContracts } from '@sessionkit/test/contracts'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { type Address, type Chain, defineChain } from 'viem'
import { WagmiProvider } from 'wagmi'
import { SessionProvider } from '../context.js'

export type TestSetup = {
  wallets: TestWallet[]
  wagmi: ReturnType<typeof createTestWagmiConfig>
  config: SessionConfig
  queryClient: QueryClient
  /** Provider tree for `renderHook(..., { wrapper })`. */
  wrapper: (props: { children?: ReactNode }) => ReactNode
}

/** A second chain id over the same devnet RPC, not configured for sessions (to test chain switches). */
export function otherChain(): Chain {
  const { chain } = getDevnet()
  return defineChain({ ...chain, id: chain.id + 1000, name: 'Unconfigured chain' })
}

/**
 * Real wagmi config with test wallets over devnet keys (accounts 1.. by default; 0 deploys), a
 * session config for the devnet and a fresh QueryClient. Connects the first wallet.
 */
export async function createTestSetup(
  options: {
    wallets?: number | undefined
    storage?: SessionStorage | undefined
    chains?: readonly Chain[] | undefined
    connect?: boolean | undefined
  } = {},
): Promise<TestSetup> {
  const devnet = getDevnet()
  const wallets = devnet.accounts
    .slice(1, 1 + (options.wallets ?? 1))
    .map((account) => createTestWallet({ privateKey: account.privateKey }))
  const wagmi = createTestWagmiConfig({
    chains: [devnet.chain, ...(options.chains ?? [])],
    wallets: wallets as [TestWallet, ...TestWallet[]],
  })
  const config = createSessionConfig({
    wagmi,
    app: { name: 'Test game', url: 'https://game.example' },
    chains: {
      [devnet.chainId]: {
        bundlerUrl: devnet.bundlerUrl,
        paymasterUrl: devnet.paymasterUrl,
        environment: devnet.environment,
      },
    },
    storage: options.storage ?? createMemoryStorage(),
  })
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  })
  if (options.connect !== false && wallets[0]) await connectTestWallet(wagmi, wallets[0])
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <WagmiProvider config={wagmi as never} reconnectOnMount={false}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider config={config}>{children}</SessionProvider>
      </QueryClientProvider>
    </WagmiProvider>
  )
  return { wallets, wagmi, config, queryClient, wrapper }
}

let deployed: Promise<TestContracts> | undefined

/** Deploys Counter, TestToken and Vault once per test file (the devnet is reverted between files). */
export function getTestContracts(): Promise<TestContracts> {
  const devnet = getDevnet()
  deployed ??= deployTestContracts({
    chain: devnet.chain,
    rpcUrl: devnet.rpcUrl,
    privateKey: devnet.accounts[0]!.privateKey,
  }).then(({ counter, token, vault }) => ({ counter, token, vault }))
  return deployed
}

/** A game policy: `increment` and `move` on the Counter, an hour long unless told. */
export function gamePolicy(
  counter: Address,
  options: { actions?: number; expiresIn?: number } = {},
) {
  return definePolicy({
    calls: [
      { target: counter, abi: counterAbi, functions: ['increment', 'move'], name: 'Counter' },
    ],
    ...(options.actions !== undefined ? { actions: options.actions } : {}),
    validity: { expiresIn: options.expiresIn ?? 3600 },
  })
}
