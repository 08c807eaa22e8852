import {
  createMemoryStorage,
  createSession,
  createSessionConfig,
  definePolicy,
  type EngineOptions,
  type SessionConfig,
  sendSessionCalls,
} from '@sessionkit/core'
import { connectTestWallet, createTestWagmiConfig, createTestWallet } from '@sessionkit/test'
import type { Address, Hex } from 'viem'
import { counterAbi, incrementData } from './counter.js'
import type { BenchDevnet } from './devnet-process.js'
import type { BenchPath, SentAction } from './path.js'
import type { RpcLog } from './rpc-counter.js'

/**
 * Sessionkit's path: a wagmi config with a test wallet over a devnet key (the user), one
 * `createSession` for `increment()` on the counter, then `sendSessionCalls` per action, with
 * the engine's default options unless `engine` is given.
 */
export async function setupOurs(parameters: {
  devnet: BenchDevnet
  counter: Address
  userKey: Hex
  log?: RpcLog | undefined
  engine?: EngineOptions | undefined
}): Promise<
  BenchPath & { config: SessionConfig; sessionId: string; sessionAccount: Address; prompts: number }
> {
  const { devnet, counter, userKey, log } = parameters
  const wallet = createTestWallet({ privateKey: userKey })
  const wagmi = createTestWagmiConfig({ chains: [devnet.chain], wallets: [wallet] })
  await connectTestWallet(wagmi, wallet)
  const config = createSessionConfig({
    wagmi,
    app: { name: 'Sessionkit bench', url: 'https://bench.sessionkit.dev' },
    chains: {
      [devnet.chain.id]: {
        bundlerUrl: devnet.bundlerUrl,
        paymasterUrl: devnet.paymasterUrl,
        environment: devnet.environment,
      },
    },
    storage: createMemoryStorage(),
    engine: parameters.engine,
    onRequest: log ? (event) => log.record(event.target, event.method) : undefined,
  })
  const session = await createSession(config, {
    policy: definePolicy({
      calls: [{ target: counter, abi: counterAbi, functions: ['increment'] }],
      validity: { expiresIn: 24 * 3600 },
    }),
    label: 'bench',
  })
  return {
    name: 'sessionkit',
    config,
    sessionId: session.id,
    sessionAccount: session.sessionAccount,
    prompts: wallet.promptCount(),
    async coldCaches() {
      const engine = await config._internal.engine(devnet.chain.id)
      engine.fees.clear()
      for (const runtime of engine.sessions.values()) (await runtime).usage.invalidate()
    },
    async send(): Promise<SentAction> {
      const sent = await sendSessionCalls(config, {
        id: session.id,
        calls: [{ to: counter, data: incrementData }],
      })
      return {
        hash: sent.hash,
        async wait() {
          const receipt = await sent.wait()
          return { success: receipt.success, transactionHash: receipt.receipt.transactionHash }
        },
      }
    },
  }
}
