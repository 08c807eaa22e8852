import {
  checkSessionCallsQueryKey,
  getSessionStatusQueryKey,
  getSessionsQueryKey,
} from '@sessionkit/core'
import type { QueryClient, QueryKey } from '@tanstack/react-query'

/** First elements of every session query key (list, status, check). */
const sessionKeyRoots: ReadonlySet<unknown> = new Set([
  getSessionsQueryKey()[0],
  getSessionStatusQueryKey()[0],
  checkSessionCallsQueryKey()[0],
])

/** Whether a query key belongs to a session query (`useSessions`, `useSession`, `useSessionStatus`, `useSessionCheck`). */
export function isSessionQueryKey(queryKey: QueryKey): boolean {
  return sessionKeyRoots.has(queryKey[0])
}

/** Marks every session query stale and refetches the mounted ones (joining a fetch already in flight). */
export function invalidateSessionQueries(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries(
    { predicate: (query) => isSessionQueryKey(query.queryKey) },
    { cancelRefetch: false },
  )
}
