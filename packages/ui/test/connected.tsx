import {
  createMemoryStorage,
  createSessionConfig,
  type Delegation,
  definePolicy,
  getDeleGatorDeployment,
  hashDelegation,
  type SessionConfig,
} from '@sessionkit/core'
import { SessionProvider } from '@sessionkit/react'
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
import { type Address, createPublicClient, http, parseAbi } from 'viem'
import { WagmiProvider } from 'wagmi'
import { Theme } from '../src/theme/theme.js'

/** The game the connected tests play. */
export const testApp = { name: 'Test game', url: 'https://game.example' }

export type ConnectedSetup = {
  wallet: TestWallet
  wagmi: ReturnType<typeof createTestWagmiConfig>
  config: SessionConfig
  queryClient: QueryClient
  /** WagmiProvider + QueryClientProvider + SessionProvider + Theme, for `render(..., { wrapper })`. */
  wrapper: (props: { children?: ReactNode }) => ReactNode
}

/**
 * The real provider tree over the shared devnet: a test wallet (devnet account `account`, 1 unless
 * told; 0 deploys), a wagmi config connected to it, a session config with memory storage and a
 * fresh QueryClient.
 */
export async function createConnectedSetup(
  options: { account?: number } = {},
): Promise<ConnectedSetup> {
  const devnet = getDevnet()
  const key = devnet.accounts[options.account ?? 1]
  if (!key) throw new Error(`The devnet has no account ${options.account ?? 1}.`)
  const wallet = createTestWallet({ privateKey: key.privateKey })
  const wagmi = createTestWagmiConfig({ chains: [devnet.chain], wallets: [wallet] })
  const config = createSessionConfig({
    wagmi,
    app: testApp,
    chains: {
      [devnet.chainId]: {
        bundlerUrl: devnet.bundlerUrl,
        paymasterUrl: devnet.paymasterUrl,
        environment: devnet.environment,
      },
    },
    storage: createMemoryStorage(),
  })
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  })
  await connectTestWallet(wagmi, wallet)
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <WagmiProvider config={wagmi as never} reconnectOnMount={false}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider config={config}>
          <Theme>{children}</Theme>
        </SessionProvider>
      </QueryClientProvider>
    </WagmiProvider>
  )
  return { wallet, wagmi, config, queryClient, wrapper }
}

let deployed: Promise<TestContracts> | undefined

/** Deploys Counter, TestToken and Vault once per test file. */
export function getTestContracts(): Promise<TestContracts> {
  const devnet = getDevnet()
  deployed ??= deployTestContracts({
    chain: devnet.chain,
    rpcUrl: devnet.rpcUrl,
    privateKey: devnet.accounts[0]!.privateKey,
  }).then(({ counter, token, vault }) => ({ counter, token, vault }))
  return deployed
}

/**
 * `increment` and `move` on the Counter, 20 actions, at most a day. The permission is optional so
 * the person may switch single functions off (an action count cannot span two targets).
 */
export function gamePolicy(counter: Address, options: { actions?: number } = {}) {
  return definePolicy({
    calls: [
      {
        target: counter,
        abi: counterAbi,
        functions: ['increment', 'move'],
        name: 'Counter',
        optional: true,
      },
    ],
    actions: options.actions ?? 20,
    validity: { expiresIn: 86_400 },
  })
}

/** The user's smart account of `wallet` on the devnet. */
export function userAccount(wallet: TestWallet): Address {
  return getDeleGatorDeployment({ owner: wallet.address, environment: getDevnet().environment })
    .address
}

/** Sessions stored for `wallet` on the devnet by this app, straight from the config's storage. */
export async function storedSessions(config: SessionConfig, wallet: TestWallet) {
  const { sessions } = await config.storage.list({
    chainId: getDevnet().chainId,
    account: userAccount(wallet),
    appId: config.appId,
  })
  return sessions
}

/**
 * Holds the wallet's typed-data prompt open until `release()` is called, as a person reading the
 * prompt would: the request reaches the wallet (and is counted) only once released.
 */
export async function holdSignPrompts(
  wagmi: ConnectedSetup['wagmi'],
): Promise<{ release(): void }> {
  const connector = wagmi.connectors[0]!
  const provider = (await connector.getProvider()) as {
    request(args: { method: string }): Promise<unknown>
  }
  const request = provider.request.bind(provider)
  let release!: () => void
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  provider.request = async (args) => {
    if (args.method === 'eth_signTypedData_v4') await gate
    return request(args)
  }
  return { release }
}

const delegationManagerAbi = parseAbi([
  'function disabledDelegations(bytes32 delegationHash) view returns (bool)',
])

/** Reads from the chain whether the DelegationManager disabled a session's root delegation. */
export async function isRootDisabled(root: Delegation): Promise<boolean> {
  const devnet = getDevnet()
  const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
  return client.readContract({
    address: devnet.environment.DelegationManager,
    abi: delegationManagerAbi,
    functionName: 'disabledDelegations',
    args: [hashDelegation(root)],
  })
}
