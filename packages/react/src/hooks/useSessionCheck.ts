'use client'
import {
  type CheckSessionCallsData,
  type CheckSessionCallsErrorType,
  type CheckSessionCallsQueryKey,
  checkSessionCallsQueryOptions,
  type SessionCall,
  type SessionConfig,
} from '@sessionkit/core'
import type { ConnectionChangedErrorType } from '../errors/connection.js'
import type { QueryParameter, UseQueryReturnType } from '../utils/query.js'
import { useSessionScope } from '../utils/scope.js'
import { useScopedQuery } from '../utils/useScopedQuery.js'
import { useSessionConfig } from './useSessionConfig.js'

export type UseSessionCheckErrorType = CheckSessionCallsErrorType | ConnectionChangedErrorType

export type UseSessionCheckParameters<selectData = CheckSessionCallsData> = {
  config?: SessionConfig | undefined
  /** The calls to check, as `useSessionAction` would send them. The query waits until they are given. */
  calls?: readonly SessionCall[] | undefined
  /** The session to check against; defaults to the newest usable one whose policy allows the calls. */
  id?: string | undefined
} & QueryParameter<
  CheckSessionCallsData,
  UseSessionCheckErrorType,
  selectData,
  CheckSessionCallsQueryKey
>

export type UseSessionCheckReturnType<selectData = CheckSessionCallsData> = UseQueryReturnType<
  selectData,
  UseSessionCheckErrorType
>

/**
 * "Would this be allowed?": checks calls against the session's policy and live usage without
 * sending; `data` is `{ allowed, reason?, remaining, id }`. https://sessionkit.dev/react/useSessionCheck
 */
export function useSessionCheck<selectData = CheckSessionCallsData>(
  parameters: UseSessionCheckParameters<selectData> = {},
): UseSessionCheckReturnType<selectData> {
  const config = useSessionConfig(parameters)
  const scope = useSessionScope(config)
  const options = checkSessionCallsQueryOptions(config, {
    id: parameters.id,
    calls: parameters.calls,
    chainId: scope.chainId,
    owner: scope.owner,
  })
  return useScopedQuery<UseSessionCheckReturnType<selectData>>(
    config,
    scope,
    options,
    parameters.query,
  )
}
