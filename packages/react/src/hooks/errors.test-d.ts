import type {
  AccountNotConnectedErrorType,
  ChainNotConfiguredErrorType,
  SessionNotFoundErrorType,
  UserRejectedErrorType,
} from '@sessionkit/core'
import { describe, expectTypeOf, test } from 'vitest'
import type { ConnectionChangedErrorType } from '../errors/connection.js'
import { useCreateSession } from './useCreateSession.js'
import type { useRevokeSession } from './useRevokeSession.js'
import type { useSession } from './useSession.js'
import type { useSessionCheck } from './useSessionCheck.js'
import { useSessions } from './useSessions.js'

describe('typed error unions', () => {
  test('behavior: each hook’s error is a union of named errors to switch on', () => {
    type CreateError = NonNullable<ReturnType<typeof useCreateSession>['error']>
    expectTypeOf<UserRejectedErrorType>().toExtend<CreateError>()
    expectTypeOf<AccountNotConnectedErrorType>().toExtend<CreateError>()
    expectTypeOf<CreateError['name']>().toExtend<string>()

    type RevokeError = NonNullable<ReturnType<typeof useRevokeSession>['error']>
    expectTypeOf<UserRejectedErrorType>().toExtend<RevokeError>()
    expectTypeOf<SessionNotFoundErrorType>().toExtend<RevokeError>()

    type ListError = NonNullable<ReturnType<typeof useSessions>['error']>
    expectTypeOf<ChainNotConfiguredErrorType>().toExtend<ListError>()
    expectTypeOf<ConnectionChangedErrorType>().toExtend<ListError>()
    // Listing never prompts the wallet.
    expectTypeOf<UserRejectedErrorType>().not.toExtend<ListError>()

    type CheckError = NonNullable<ReturnType<typeof useSessionCheck>['error']>
    expectTypeOf<SessionNotFoundErrorType>().toExtend<CheckError>()

    expectTypeOf<ReturnType<typeof useSession>['status']>().toEqualTypeOf<
      'disconnected' | 'none' | 'active' | 'expired' | 'revoked' | 'exhausted'
    >()
  })

  test('behavior: mutation and query options nest under `mutation` / `query`', () => {
    useCreateSession({ mutation: { onSuccess: (data) => expectTypeOf(data.id).toBeString() } })
    useSessions({ query: { staleTime: 1_000, select: (data) => data.sessions.length } })
    expectTypeOf(
      useSessions({ query: { select: (data) => data.sessions.length } }).data,
    ).toEqualTypeOf<number | undefined>()
    // @ts-expect-error TanStack options are never spread at the top level
    useSessions({ staleTime: 1_000 })
    // @ts-expect-error the hook owns the query function
    useSessions({ query: { queryFn: () => ({ sessions: [], errors: [] }) } })
  })
})
