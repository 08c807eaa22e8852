import { getConnection } from '@wagmi/core'
import type { Address } from 'viem'
import type { SessionConfig } from '../createSessionConfig.js'
import { assertAddress, assertObject, invalid } from '../errors/invalidInput.js'
import type { PolicyCall } from '../policy/toRawCall.js'
import { toRawCall } from '../policy/toRawCall.js'

/** Whose sessions a query is about: part of every query key so switching account or chain switches the data. */
export type SessionQueryScope = {
  chainId?: number | undefined
  /** The connected wallet. */
  owner?: Address | undefined
  appId?: string | undefined
}

/** Fills a query scope from the current wagmi connection where the caller left it out. */
export function resolveQueryScope(
  config: SessionConfig,
  scope: SessionQueryScope,
): Required<SessionQueryScope> | SessionQueryScope {
  if (typeof config?._internal?.engine !== 'function')
    invalid('config', 'is not a session config (createSessionConfig).')
  const key = scopeKey(scope)
  const connection = getConnection(config.wagmi)
  return {
    chainId: key.chainId ?? connection.chainId,
    owner: key.owner ?? (connection.address?.toLowerCase() as Address | undefined),
    appId: key.appId ?? config.appId,
  }
}

/** The scope part of a query key, owner lowercased; a malformed scope throws `SessionParameterError`. */
export function scopeKey(scope: SessionQueryScope | undefined) {
  assertObject(scope, 'options')
  const { owner } = scope
  if (owner !== undefined) assertAddress(owner, 'owner')
  return {
    chainId: scope.chainId,
    owner: owner?.toLowerCase() as Address | undefined,
    appId: scope.appId,
  }
}

/** A JSON-safe, ABI-free form of calls for query keys (`{ to, data, value }` with the value as a string). */
export function callsKey(calls: readonly unknown[] | undefined): unknown[] {
  if (!Array.isArray(calls)) return ['invalid']
  return calls.map((call, i) => {
    try {
      const raw = toRawCall(call as PolicyCall, i)
      return { to: raw.to.toLowerCase(), data: raw.data, value: raw.value.toString() }
    } catch {
      return 'invalid'
    }
  })
}
