import type { SessionConfig } from '@sessionkit/core'
import type { Address } from 'viem'
import { useConnection } from 'wagmi'
import { getConnection } from 'wagmi/actions'
import { ConnectionChangedError } from '../errors/connection.js'

/** Whose sessions the hooks show: wagmi's connected wallet and chain (never a second source of truth). */
export type SessionScope = {
  status: 'connected' | 'disconnected'
  owner: Address | undefined
  chainId: number | undefined
}

/** Reads the connected wallet and chain from the session config's wagmi config; re-renders only when they change. */
export function useSessionScope(config: SessionConfig): SessionScope {
  const connection = useConnection({ config: config.wagmi as never })
  const connected = connection.status === 'connected' && connection.address !== undefined
  return {
    status: connected ? 'connected' : 'disconnected',
    owner: connected ? connection.address : undefined,
    chainId: connected ? connection.chainId : undefined,
  }
}

/**
 * Throws when wagmi's connection is no longer the one a query key was made for, so data of one
 * account or chain is never cached under another's key. Core actions read the connection
 * synchronously when called, so checking right before the call is enough.
 */
export function assertScope(
  config: SessionConfig,
  scope: { owner: Address | undefined; chainId: number | undefined },
) {
  const connection = getConnection(config.wagmi)
  if (
    connection.address?.toLowerCase() !== scope.owner?.toLowerCase() ||
    connection.chainId !== scope.chainId
  )
    throw new ConnectionChangedError()
}
