'use client'
import {
  type GetSessionsData,
  type GetSessionsErrorType,
  type GetSessionsQueryKey,
  getSessionsQueryOptions,
  type SessionConfig,
} from '@sessionkit/core'
import type { ConnectionChangedErrorType } from '../errors/connection.js'
import type { QueryParameter, UseQueryReturnType } from '../utils/query.js'
import { useSessionScope } from '../utils/scope.js'
import { useScopedQuery } from '../utils/useScopedQuery.js'
import { useSessionConfig } from './useSessionConfig.js'

export type UseSessionsErrorType = GetSessionsErrorType | ConnectionChangedErrorType

export type UseSessionsParameters<selectData = GetSessionsData> = {
  config?: SessionConfig | undefined
  /** Read usage from the chain on every fetch instead of reusing a read of the last few seconds. */
  fresh?: boolean | undefined
} & QueryParameter<GetSessionsData, UseSessionsErrorType, selectData, GetSessionsQueryKey>

export type UseSessionsReturnType<selectData = GetSessionsData> = UseQueryReturnType<
  selectData,
  UseSessionsErrorType
>

/**
 * The sessions of the connected wallet on the current chain for this app, with live state
 * (active, expired, revoked, exhausted), usage and expiry. Switching account or chain in wagmi
 * switches the list at once. https://sessionkit.dev/react/useSessions
 */
export function useSessions<selectData = GetSessionsData>(
  parameters: UseSessionsParameters<selectData> = {},
): UseSessionsReturnType<selectData> {
  const config = useSessionConfig(parameters)
  const scope = useSessionScope(config)
  const options = getSessionsQueryOptions(config, {
    chainId: scope.chainId,
    owner: scope.owner,
    fresh: parameters.fresh,
  })
  return useScopedQuery<UseSessionsReturnType<selectData>>(config, scope, options, parameters.query)
}
