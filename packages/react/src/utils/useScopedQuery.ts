'use client'
import type { SessionConfig } from '@sessionkit/core'
import type { QueryFunctionContext, QueryKey } from '@tanstack/react-query'
import { useQuery } from '@tanstack/react-query'
import type { UseQueryReturnType } from './query.js'
import { assertScope, type SessionScope } from './scope.js'

/**
 * `useQuery` over a core query option whose key holds the wagmi scope: runs only while connected,
 * re-checks the scope right before fetching, and returns TanStack's result with its query key.
 */
export function useScopedQuery<returnType extends UseQueryReturnType<any, any>>(
  config: SessionConfig,
  scope: SessionScope,
  options: { queryKey: QueryKey; queryFn?: unknown; enabled?: boolean | undefined },
  query: { enabled?: unknown } | undefined,
): returnType {
  const result = useQuery({
    ...(query as object),
    queryKey: options.queryKey,
    queryFn: (context: QueryFunctionContext) => {
      assertScope(config, scope)
      return (options.queryFn as (c: QueryFunctionContext) => Promise<unknown>)(context)
    },
    enabled: (options.enabled ?? true) && scope.status === 'connected' && (query?.enabled ?? true),
  } as Parameters<typeof useQuery>[0]) as returnType
  result.queryKey = options.queryKey
  return result
}
