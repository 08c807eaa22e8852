import type { QueryOptions } from '@tanstack/query-core'
import {
  type CheckSessionCallsErrorType,
  type CheckSessionCallsReturnType,
  checkSessionCalls,
} from '../actions/checkSessionCalls.js'
import type { SessionCall } from '../actions/sendSessionCalls.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { SessionParameterError } from '../errors/session.js'
import { callsKey, resolveQueryScope, type SessionQueryScope, scopeKey } from './utils.js'

export type CheckSessionCallsOptions = {
  id?: string | undefined
  calls?: readonly SessionCall[] | undefined
} & SessionQueryScope
export type CheckSessionCallsData = CheckSessionCallsReturnType

/** Query key of `checkSessionCalls` (calls keyed by their raw `{ to, data, value }`); `['checkSessionCalls']` matches all. */
export function checkSessionCallsQueryKey(options: CheckSessionCallsOptions = {}) {
  return [
    'checkSessionCalls',
    { ...scopeKey(options), id: options.id, calls: callsKey(options.calls) },
  ] as const
}

export type CheckSessionCallsQueryKey = ReturnType<typeof checkSessionCallsQueryKey>
export type CheckSessionCallsQueryOptions = QueryOptions<
  CheckSessionCallsData,
  CheckSessionCallsErrorType,
  CheckSessionCallsData,
  CheckSessionCallsQueryKey
> & { queryKey: CheckSessionCallsQueryKey; enabled: boolean }

/** TanStack query options for `checkSessionCalls`; disabled until `calls` are given. */
export function checkSessionCallsQueryOptions(
  config: SessionConfig,
  options: CheckSessionCallsOptions = {},
): CheckSessionCallsQueryOptions {
  const scope = resolveQueryScope(config, options)
  return {
    enabled: Array.isArray(options.calls) && options.calls.length > 0,
    queryKey: checkSessionCallsQueryKey({ ...options, ...scope }),
    queryFn: async () => {
      if (!options.calls)
        throw new SessionParameterError({ parameter: 'calls', message: 'are required.' })
      return checkSessionCalls(config, { id: options.id, calls: options.calls })
    },
  }
}
