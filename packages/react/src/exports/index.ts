'use client'

// From @sessionkit/core, so an app needs one import
export {
  AccountNotConnectedError,
  type AccountNotConnectedErrorType,
  BaseError,
  type BaseErrorType,
  BundlerError,
  type BundlerErrorType,
  ChainNotConfiguredError,
  type ChainNotConfiguredErrorType,
  type CheckReason,
  type CheckResult,
  type CreateSessionConfigParameters,
  type CreateSessionErrorType,
  type CreateSessionParameters,
  type CreateSessionReturnType,
  checkSessionCallsQueryKey,
  createIndexedDbStorage,
  createMemoryStorage,
  createSessionConfig,
  definePolicy,
  describePolicy,
  getSessionStatusQueryKey,
  getSessionsQueryKey,
  PaymasterError,
  type PaymasterErrorType,
  type Policy,
  type PolicyDescription,
  PolicyUnenforceableError,
  type PolicyUnenforceableErrorType,
  PolicyValidationError,
  type PolicyValidationErrorType,
  type Remaining,
  type RevokeSessionErrorType,
  type RevokeSessionParameters,
  type RevokeSessionReturnType,
  type SendSessionCallsErrorType,
  type SendSessionCallsReturnType,
  SessionCallsRevertedError,
  type SessionCallsRevertedErrorType,
  type SessionConfig,
  SessionExhaustedError,
  type SessionExhaustedErrorType,
  SessionExpiredError,
  type SessionExpiredErrorType,
  type SessionInfo,
  SessionMissingError,
  type SessionMissingErrorType,
  SessionNotFoundError,
  type SessionNotFoundErrorType,
  SessionParameterError,
  type SessionParameterErrorType,
  SessionRevokedError,
  type SessionRevokedErrorType,
  SessionScopeError,
  type SessionScopeErrorType,
  type SessionState,
  type SessionStorage,
  SessionStorageError,
  type SessionStorageErrorType,
  UserRejectedError,
  type UserRejectedErrorType,
} from '@sessionkit/core'
// Provider and config
export { SessionContext, SessionProvider, type SessionProviderProps } from '../context.js'
// Errors of this package
export { ConnectionChangedError, type ConnectionChangedErrorType } from '../errors/connection.js'
export {
  SessionProviderNotFoundError,
  type SessionProviderNotFoundErrorType,
  WagmiConfigMismatchError,
  type WagmiConfigMismatchErrorType,
} from '../errors/context.js'
export {
  type UseCreateSessionParameters,
  type UseCreateSessionReturnType,
  useCreateSession,
} from '../hooks/useCreateSession.js'
export {
  type UseRevokeSessionParameters,
  type UseRevokeSessionReturnType,
  useRevokeSession,
} from '../hooks/useRevokeSession.js'
// Hooks
export {
  type SessionStatus,
  type UseSessionParameters,
  type UseSessionReturnType,
  useSession,
} from '../hooks/useSession.js'
export {
  type SessionActionBatch,
  type SessionActionCall,
  type SessionActionMutate,
  type SessionActionMutateAsync,
  type SessionActionOptions,
  type UseSessionActionData,
  type UseSessionActionErrorType,
  type UseSessionActionParameters,
  type UseSessionActionReturnType,
  type UseSessionActionVariables,
  useSessionAction,
} from '../hooks/useSessionAction.js'
export {
  type UseSessionCheckErrorType,
  type UseSessionCheckParameters,
  type UseSessionCheckReturnType,
  useSessionCheck,
} from '../hooks/useSessionCheck.js'
export {
  type UseSessionConfigParameters,
  type UseSessionConfigReturnType,
  useSessionConfig,
} from '../hooks/useSessionConfig.js'
export {
  type UseSessionStatusErrorType,
  type UseSessionStatusParameters,
  type UseSessionStatusReturnType,
  useSessionStatus,
} from '../hooks/useSessionStatus.js'
export {
  type UseSessionsErrorType,
  type UseSessionsParameters,
  type UseSessionsReturnType,
  useSessions,
} from '../hooks/useSessions.js'
