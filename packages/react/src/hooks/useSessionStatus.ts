'use client'
import {
  type GetSessionStatusData,
  type GetSessionStatusErrorType,
  type GetSessionStatusQueryKey,
  getSessionStatusQueryOptions,
  type SessionConfig,
} from '@sessionkit/core'
import type { ConnectionChangedErrorType } from '../errors/connection.js'
import type { QueryParameter, UseQueryReturnType } from '../utils/query.js'
import { useSessionScope } from '../utils/scope.js'
import { useScopedQuery } from '../utils/useScopedQuery.js'
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
  return useScopedQuery<UseSessionStatusReturnType<selectData>>(
    config,
    scope,
    options,
    parameters.query,
  )
}
