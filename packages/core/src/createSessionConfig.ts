import type { Config as WagmiConfig } from '@wagmi/core'
import type { SessionEnvironment } from './config/environment.js'
import type { SessionRequestEvent } from './config/transport.js'
import { createEngines, type Engine, type EngineOptions } from './engines/createEngines.js'
import { invalid } from './errors/invalidInput.js'
import { SessionParameterError } from './errors/session.js'
import { createIndexedDbStorage } from './storage/indexedDb.js'
import { createMemoryStorage } from './storage/memory.js'
import type { SessionStorage, StoredSessionApp } from './storage/types.js'

/** Bundler, paymaster and (optionally) Delegation Framework addresses of one chain. */
export type SessionChainConfig = {
  /** ERC-4337 bundler JSON-RPC URL (EntryPoint v0.7). */
  bundlerUrl: string
  /** ERC-7677 paymaster URL that sponsors the session's UserOperations. */
  paymasterUrl: string
  /** Delegation Framework addresses. Defaults to the kit's published deployment for this chain id. */
  environment?: SessionEnvironment | undefined
  /** ERC-7677 context passed to the paymaster (e.g. a sponsorship policy id). */
  paymasterContext?: unknown
}

/** The app asking for sessions, as shown to the user. `url` also scopes stored sessions. */
export type SessionAppInfo = StoredSessionApp

export type CreateSessionConfigParameters = {
  /** The app's wagmi config: the connected account and chain come from it. */
  wagmi: WagmiConfig
  app: SessionAppInfo
  chains: { [chainId: number]: SessionChainConfig }
  /** Where sessions are kept. Defaults to IndexedDB (memory where IndexedDB is absent, e.g. on the server). */
  storage?: SessionStorage | undefined
  /** Engine tuning: receipt polling, cache lifetimes, gas margins. */
  engine?: EngineOptions | undefined
  /** Called for every JSON-RPC request the engine makes (to count round trips). */
  onRequest?: ((event: SessionRequestEvent) => void) | undefined
}

/** What every session action takes first. */
export type SessionConfig = {
  wagmi: WagmiConfig
  app: SessionAppInfo
  /** Scope of stored sessions: the app's origin. */
  appId: string
  chains: { readonly [chainId: number]: SessionChainConfig }
  storage: SessionStorage
  /** @internal Per-chain engine (clients and caches). */
  _internal: { engine(chainId: number): Promise<Engine> }
}

/**
 * Creates the session config from the app's wagmi config, its identity and the bundler and
 * paymaster of each chain. https://sessionkit.dev/config
 */
export function createSessionConfig(parameters: CreateSessionConfigParameters): SessionConfig {
  if (typeof parameters !== 'object' || parameters === null)
    throw new SessionParameterError({ parameter: 'parameters', message: 'is not an object.' })
  const { wagmi, app, chains } = parameters
  if (
    typeof wagmi !== 'object' ||
    wagmi === null ||
    typeof (wagmi as { getClient?: unknown }).getClient !== 'function'
  )
    throw new SessionParameterError({
      parameter: 'wagmi',
      message: 'is not a wagmi Config (createConfig from wagmi).',
    })
  if (
    typeof app !== 'object' ||
    app === null ||
    typeof app.name !== 'string' ||
    app.name.length === 0
  )
    throw new SessionParameterError({
      parameter: 'app.name',
      message: 'must be a non-empty string.',
    })
  const appId = originOf(app.url)
  if (typeof chains !== 'object' || chains === null)
    throw new SessionParameterError({
      parameter: 'chains',
      message: 'must map chain ids to { bundlerUrl, paymasterUrl }.',
    })
  for (const [id, chain] of Object.entries(chains)) {
    if (!/^\d+$/.test(id) || Number(id) <= 0)
      throw new SessionParameterError({ parameter: `chains.${id}`, message: 'is not a chain id.' })
    for (const field of ['bundlerUrl', 'paymasterUrl'] as const)
      if (typeof chain?.[field] !== 'string' || !/^https?:\/\//.test(chain[field]))
        throw new SessionParameterError({
          parameter: `chains.${id}.${field}`,
          message: 'must be an http(s) URL.',
        })
  }
  const storage = parameters.storage ?? defaultStorage()
  for (const method of ['get', 'list', 'put', 'update', 'remove', 'subscribe'] as const)
    if (typeof storage?.[method] !== 'function') invalid('storage', 'must be a SessionStorage.')
  const config: SessionConfig = {
    wagmi,
    app: { name: app.name, url: app.url, ...(app.icon !== undefined ? { icon: app.icon } : {}) },
    appId,
    chains,
    storage,
    _internal: { engine: () => undefined as never },
  }
  config._internal.engine = createEngines({
    config,
    options: parameters.engine,
    onRequest: parameters.onRequest,
  })
  return config
}

function originOf(url: unknown): string {
  if (typeof url !== 'string')
    throw new SessionParameterError({
      parameter: 'app.url',
      message: 'must be the app URL.',
    })
  try {
    return new URL(url).origin
  } catch (cause) {
    throw new SessionParameterError({
      parameter: 'app.url',
      message: `is not a URL (${url}).`,
      cause,
    })
  }
}

function defaultStorage(): SessionStorage {
  return typeof globalThis.indexedDB === 'undefined'
    ? createMemoryStorage()
    : createIndexedDbStorage()
}
