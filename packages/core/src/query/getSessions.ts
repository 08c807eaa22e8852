import type { QueryOptions } from '@tanstack/query-core'
import {
  type GetSessionsErrorType,
  type GetSessionsParameters,
  type GetSessionsReturnType,
  getSessions,
} from '../actions/getSessions.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { resolveQueryScope, type SessionQueryScope, scopeKey } from './utils.js'

export type GetSessionsOptions = GetSessionsParameters & SessionQueryScope
export type GetSessionsData = GetSessionsReturnType

/** Query key of `getSessions` for one chain, wallet and app; `['sessions']` matches them all. */
export function getSessionsQueryKey(scope: SessionQueryScope = {}) {
  return ['sessions', scopeKey(scope)] as const
}

export type GetSessionsQueryKey = ReturnType<typeof getSessionsQueryKey>
export type GetSessionsQueryOptions = QueryOptions<
  GetSessionsData,
  GetSessionsErrorType,
  GetSessionsData,
  GetSessionsQueryKey
> & {
  queryKey: GetSessionsQueryKey
}

/** TanStack query options for `getSessions`; scope defaults to the current wagmi connection. */
export function getSessionsQueryOptions(
  config: SessionConfig,
  options: GetSessionsOptions = {},
): GetSessionsQueryOptions {
  const scope = resolveQueryScope(config, options)
  return {
    queryKey: getSessionsQueryKey(scope),
    queryFn: () => getSessions(config, { fresh: options.fresh }),
  }
}
