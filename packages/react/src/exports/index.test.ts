import { expect, test } from 'vitest'
import * as exports from './index.js'

test('exports', () => {
  expect(Object.keys(exports)).toMatchInlineSnapshot(`
    [
      "AccountNotConnectedError",
      "BaseError",
      "BundlerError",
      "ChainNotConfiguredError",
      "checkSessionCallsQueryKey",
      "createIndexedDbStorage",
      "createMemoryStorage",
      "createSessionConfig",
      "definePolicy",
      "describePolicy",
      "getSessionStatusQueryKey",
      "getSessionsQueryKey",
      "PaymasterError",
      "PolicyUnenforceableError",
      "PolicyValidationError",
      "SessionCallsRevertedError",
      "SessionExhaustedError",
      "SessionExpiredError",
      "SessionMissingError",
      "SessionNotFoundError",
      "SessionParameterError",
      "SessionRevokedError",
      "SessionScopeError",
      "SessionStorageError",
      "UserRejectedError",
      "SessionContext",
      "SessionProvider",
      "ConnectionChangedError",
      "SessionProviderNotFoundError",
      "WagmiConfigMismatchError",
      "useCreateSession",
      "useRevokeSession",
      "useSession",
      "useSessionAction",
      "useSessionCheck",
      "useSessionConfig",
      "useSessionStatus",
      "useSessions",
    ]
  `)
})
