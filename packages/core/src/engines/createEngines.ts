import type { Chain, Client, PublicClient, Transport } from 'viem'
import { createClient, publicActions } from 'viem'
import type { BundlerClient, PaymasterClient } from 'viem/account-abstraction'
import { createBundlerClient, createPaymasterClient } from 'viem/account-abstraction'
import { getBlock } from 'viem/actions'
import { getDeployedEnvironment, type SessionEnvironment } from '../config/environment.js'
import {
  requestTransport,
  type SessionRequestEvent,
  serviceTransport,
} from '../config/transport.js'
import type { SessionChainConfig, SessionConfig } from '../createSessionConfig.js'
import { ChainNotConfiguredError } from '../errors/session.js'
import { createFeeCache, type FeeCache } from './fees.js'
import { createGasBook, type GasBook, type GasMargins } from './gas.js'
import type { SessionRuntime } from './loadSession.js'

/** Engine tuning. */
export type EngineOptions = {
  /** Receipt polling interval in ms. Default 100. */
  pollingInterval?: number | undefined
  /** How long `wait()` waits for a receipt before a `BundlerError`, in ms. Default 60 000. */
  receiptTimeout?: number | undefined
  /** How long fee quotes are reused before a background refresh, in ms. Default 10 000. */
  feeTtl?: number | undefined
  /** How long on-chain usage (call counts, spent amounts, revocation) is reused for client checks before a background refresh, in ms. Default 10 000. */
  usageTtl?: number | undefined
  /** Margins (percent) added to learned gas limits. Default `{ call: 25, verification: 10, preVerification: 5 }`. */
  gasMargins?: Partial<GasMargins> | undefined
  /**
   * Most calls per UserOperation when actions of one session (parallel lane) are joined. Actions
   * are joined only while 4 operations of the session are already being prepared: a lone action is
   * sent at once, a burst costs a few operations instead of one per action. Joined actions share a
   * UserOperation hash but keep their own outcome (each redeems in its own execution of a tolerant
   * batch). Default 16; 1 turns joining off; at most 32.
   */
  coalesce?: number | undefined
}

export type ResolvedEngineOptions = Required<Omit<EngineOptions, 'gasMargins'>> & {
  gasMargins: GasMargins
}

/** A chain's clients and caches, shared by every action on that chain. */
export type Engine = {
  chainId: number
  chain: Chain
  environment: SessionEnvironment
  settings: SessionChainConfig
  options: ResolvedEngineOptions
  publicClient: PublicClient<Transport, Chain>
  bundlerClient: BundlerClient
  paymasterClient: PaymasterClient
  fees: FeeCache
  gas: GasBook
  /** Unix seconds on the chain's clock (local clock plus how far the chain was seen ahead of it). */
  now(): Promise<number>
  /** Re-reads the latest block: sets the clock offset, returns its time and number. */
  syncClock(): Promise<{ timestamp: number; number: bigint }>
  /** Loaded sessions by id. */
  sessions: Map<string, Promise<SessionRuntime>>
}

/** Returns a memoized engine factory for a session config. */
export function createEngines(parameters: {
  config: SessionConfig
  options: EngineOptions | undefined
  onRequest: ((event: SessionRequestEvent) => void) | undefined
}): (chainId: number) => Promise<Engine> {
  const { config, onRequest } = parameters
  const options: ResolvedEngineOptions = {
    pollingInterval: parameters.options?.pollingInterval ?? 100,
    receiptTimeout: parameters.options?.receiptTimeout ?? 60_000,
    feeTtl: parameters.options?.feeTtl ?? 10_000,
    usageTtl: parameters.options?.usageTtl ?? 10_000,
    gasMargins: {
      call: 25,
      verification: 10,
      preVerification: 5,
      ...parameters.options?.gasMargins,
    },
    // 16 calls of a typical policy (~2.8 kB each) fit alto's simulation under a 30M gas cap; a
    // joined operation the bundler refuses is split and retried.
    coalesce: Math.min(
      32,
      Math.max(1, Math.floor(Number(parameters.options?.coalesce ?? 16)) || 1),
    ),
  }
  const engines = new Map<number, Promise<Engine>>()
  return (chainId) => {
    const existing = engines.get(chainId)
    if (existing) return existing
    const engine = createEngine(chainId)
    engines.set(chainId, engine)
    engine.catch(() => engines.delete(chainId))
    return engine
  }

  async function createEngine(chainId: number): Promise<Engine> {
    const settings = config.chains[chainId]
    if (!settings) throw new ChainNotConfiguredError({ chainId })
    const chain = config.wagmi.chains.find((c) => c.id === chainId)
    if (!chain)
      throw new ChainNotConfiguredError({ chainId, reason: 'the wagmi config has no such chain' })
    const environment = settings.environment ?? (await getDeployedEnvironment(chainId))
    let wagmiClient: Client
    try {
      wagmiClient = config.wagmi.getClient({ chainId })
    } catch (cause) {
      throw new ChainNotConfiguredError({
        chainId,
        reason: 'the wagmi config has no transport for it',
        cause,
      })
    }
    const publicClient = createClient({
      chain,
      transport: requestTransport((args) => wagmiClient.request(args as never), onRequest),
    }).extend(publicActions) as PublicClient<Transport, Chain>
    const bundlerClient = createBundlerClient({
      chain,
      client: publicClient,
      transport: serviceTransport(settings.bundlerUrl, 'bundler', onRequest),
      pollingInterval: options.pollingInterval,
    })
    const paymasterClient = createPaymasterClient({
      transport: serviceTransport(settings.paymasterUrl, 'paymaster', onRequest),
    })
    let offset: number | undefined
    const syncClock = async () => {
      const block = await getBlock(publicClient, { blockTag: 'latest' })
      // A chain ahead of the local clock (time travel) sets the pace; a latest block behind it only
      // means no block was mined lately (an idle devnet, a revert), and the next one will be now.
      offset = Math.max(0, Number(block.timestamp) - Math.floor(Date.now() / 1000))
      return { timestamp: Number(block.timestamp), number: block.number }
    }
    const engine: Engine = {
      chainId,
      chain,
      environment,
      settings,
      options,
      publicClient,
      bundlerClient,
      paymasterClient,
      fees: createFeeCache({ bundlerClient, publicClient, ttl: options.feeTtl }),
      gas: createGasBook(options.gasMargins),
      async now() {
        if (offset === undefined) await syncClock()
        return Math.floor(Date.now() / 1000) + (offset ?? 0)
      },
      syncClock,
      sessions: new Map(),
    }
    return engine
  }
}
