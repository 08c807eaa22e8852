import type { QueryOptions } from '@tanstack/query-core'
import {
  type GetSessionStatusErrorType,
  type GetSessionStatusReturnType,
  getSessionStatus,
} from '../actions/getSessionStatus.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { SessionParameterError } from '../errors/session.js'
import { resolveQueryScope, type SessionQueryScope, scopeKey } from './utils.js'

export type GetSessionStatusOptions = {
  id?: string | undefined
  fresh?: boolean | undefined
} & SessionQueryScope
export type GetSessionStatusData = GetSessionStatusReturnType

/** Query key of `getSessionStatus`; `['sessionStatus']` matches every session. */
export function getSessionStatusQueryKey(
  options: { id?: string | undefined } & SessionQueryScope = {},
) {
  return ['sessionStatus', { ...scopeKey(options), id: options.id }] as const
}

export type GetSessionStatusQueryKey = ReturnType<typeof getSessionStatusQueryKey>
export type GetSessionStatusQueryOptions = QueryOptions<
  GetSessionStatusData,
  GetSessionStatusErrorType,
  GetSessionStatusData,
  GetSessionStatusQueryKey
> & { queryKey: GetSessionStatusQueryKey; enabled: boolean }

/** TanStack query options for `getSessionStatus`; disabled until `id` is set. */
export function getSessionStatusQueryOptions(
  config: SessionConfig,
  options: GetSessionStatusOptions = {},
): GetSessionStatusQueryOptions {
  const scope = resolveQueryScope(config, options)
  return {
    enabled: typeof options.id === 'string' && options.id.length > 0,
    queryKey: getSessionStatusQueryKey({ ...scope, id: options.id }),
    queryFn: async () => {
      if (!options.id) throw new SessionParameterError({ parameter: 'id', message: 'is required.' })
      return getSessionStatus(config, { id: options.id, fresh: options.fresh })
    },
  }
}
