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

/** Changes closer together than this (a storage event and the mutation that caused it) refresh once. */
const coalesceMs = 20
const scheduled = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>()

/**
 * Marks every session query stale and refetches the mounted ones, once for a burst of calls
 * within a few ms. A fetch already in flight is restarted: it may have read the state before the change.
 */
export function invalidateSessionQueries(queryClient: QueryClient): void {
  clearTimeout(scheduled.get(queryClient))
  scheduled.set(
    queryClient,
    setTimeout(() => {
      scheduled.delete(queryClient)
      void queryClient.invalidateQueries({
        predicate: (query) => isSessionQueryKey(query.queryKey),
      })
    }, coalesceMs),
  )
}
