'use client'
import {
  type GetSessionStatusData,
  type GetSessionStatusErrorType,
  type GetSessionStatusQueryKey,
  getSessionStatusQueryOptions,
  type SessionConfig,
} from '@sessionkit/core'
import { useQuery } from '@tanstack/react-query'
import type { ConnectionChangedErrorType } from '../errors/connection.js'
import type { QueryParameter, UseQueryReturnType } from '../utils/query.js'
import { assertScope, useSessionScope } from '../utils/scope.js'
import { useSessionConfig } from './useSessionConfig.js'

export type UseSessionStatusErrorType = GetSessionStatusErrorType | ConnectionChangedErrorType

export type UseSessionStatusParameters<selectData = GetSessionStatusData> = {
  config?: SessionConfig | undefined
  /** The session; the query waits until it is given. */
  id?: string | undefined
  fresh?: boolean | undefined
} & QueryParameter<
  GetSessionStatusData,
  UseSessionStatusErrorType,
  selectData,
  GetSessionStatusQueryKey
>

export type UseSessionStatusReturnType<selectData = GetSessionStatusData> = UseQueryReturnType<
  selectData,
  UseSessionStatusErrorType
>

/** One session of the connected account with its live state, usage and expiry. https://sessionkit.dev/react/useSessionStatus */
export function useSessionStatus<selectData = GetSessionStatusData>(
  parameters: UseSessionStatusParameters<selectData> = {},
): UseSessionStatusReturnType<selectData> {
  const config = useSessionConfig(parameters)
  const scope = useSessionScope(config)
  const options = getSessionStatusQueryOptions(config, {
    id: parameters.id,
    fresh: parameters.fresh,
    chainId: scope.chainId,
    owner: scope.owner,
  })
  const result = useQuery({
    ...parameters.query,
    queryKey: options.queryKey,
    queryFn: (context) => {
      assertScope(config, scope)
      return (options.queryFn as (c: typeof context) => Promise<GetSessionStatusData>)(context)
    },
    enabled: options.enabled && scope.status === 'connected' && (parameters.query?.enabled ?? true),
  }) as UseSessionStatusReturnType<selectData>
  result.queryKey = options.queryKey
  return result
}
