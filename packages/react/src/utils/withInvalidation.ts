import type { QueryClient } from '@tanstack/react-query'
import { invalidateSessionQueries } from './queryKeys.js'

/** Wraps a mutation's `onSuccess` so the session queries refresh first, then the app's own `onSuccess` runs. */
export function withInvalidation<args extends unknown[]>(
  queryClient: QueryClient,
  onSuccess: ((...args: args) => unknown) | undefined,
): (...args: args) => Promise<unknown> {
  return async (...args) => {
    invalidateSessionQueries(queryClient)
    return onSuccess?.(...args)
  }
}
