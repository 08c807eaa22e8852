// Accounts and delegations (light, kit-compatible)
export { getDeleGatorDeployment, hashDelegation } from '../accounts/checked.js'
export type { DeleGatorDeployment } from '../accounts/counterfactual.js'
export type { Delegation, DelegationCaveat } from '../accounts/delegation.js'
// Actions
export {
  type CheckSessionCallsErrorType,
  type CheckSessionCallsParameters,
  type CheckSessionCallsReturnType,
  checkSessionCalls,
} from '../actions/checkSessionCalls.js'
export {
  type CreateSessionErrorType,
  type CreateSessionParameters,
  type CreateSessionReturnType,
  createSession,
} from '../actions/createSession.js'
export {
  type GetSessionStatusErrorType,
  type GetSessionStatusParameters,
  type GetSessionStatusReturnType,
  getSessionStatus,
} from '../actions/getSessionStatus.js'
export {
  type GetSessionsErrorType,
  type GetSessionsParameters,
  type GetSessionsReturnType,
  getSessions,
  type SessionInfo,
} from '../actions/getSessions.js'
export {
  type RevokeSessionErrorType,
  type RevokeSessionParameters,
  type RevokeSessionReturnType,
  revokeSession,
} from '../actions/revokeSession.js'
export {
  type SendSessionCallsErrorType,
  type SendSessionCallsParameters,
  type SendSessionCallsReturnType,
  type SessionCall,
  sendSessionCalls,
} from '../actions/sendSessionCalls.js'
export { getDeployedEnvironment, type SessionEnvironment } from '../config/environment.js'
export type { SessionRequestEvent, SessionRequestTarget } from '../config/transport.js'
// Config
export {
  type CreateSessionConfigParameters,
  createSessionConfig,
  type SessionAppInfo,
  type SessionChainConfig,
  type SessionConfig,
} from '../createSessionConfig.js'
export type { EngineOptions } from '../engines/createEngines.js'
export type { GasMargins } from '../engines/gas.js'
export { BaseError, type BaseErrorParameters, type BaseErrorType } from '../errors/base.js'
// Errors
export {
  AccountNotConnectedError,
  type AccountNotConnectedErrorType,
  BundlerError,
  type BundlerErrorType,
  ChainNotConfiguredError,
  type ChainNotConfiguredErrorType,
  PaymasterError,
  type PaymasterErrorType,
  SessionCallsRevertedError,
  type SessionCallsRevertedErrorType,
  SessionExhaustedError,
  type SessionExhaustedErrorType,
  SessionExpiredError,
  type SessionExpiredErrorType,
  SessionMissingError,
  type SessionMissingErrorType,
  SessionParameterError,
  type SessionParameterErrorType,
  SessionRevokedError,
  type SessionRevokedErrorType,
  SessionScopeError,
  type SessionScopeErrorType,
  UserRejectedError,
  type UserRejectedErrorType,
} from '../errors/session.js'
// Policy model and storage
export * from '../policy/index.js'
export type {
  CheckReason,
  CheckReasonCode,
  CheckResult,
  PolicyDescription,
  PolicyLine,
  PolicyPeriod,
  Remaining,
  RiskFlag,
  RiskFlagCode,
  SessionState,
  SpendRemaining,
  TokenInfo,
} from '../policy/types.js'
// Query and mutation options
export {
  type CheckSessionCallsData,
  type CheckSessionCallsOptions,
  type CheckSessionCallsQueryKey,
  type CheckSessionCallsQueryOptions,
  checkSessionCallsQueryKey,
  checkSessionCallsQueryOptions,
} from '../query/checkSessionCalls.js'
export {
  type CreateSessionData,
  type CreateSessionMutationOptions,
  type CreateSessionVariables,
  createSessionMutationOptions,
} from '../query/createSession.js'
export {
  type GetSessionStatusData,
  type GetSessionStatusOptions,
  type GetSessionStatusQueryKey,
  type GetSessionStatusQueryOptions,
  getSessionStatusQueryKey,
  getSessionStatusQueryOptions,
} from '../query/getSessionStatus.js'
export {
  type GetSessionsData,
  type GetSessionsOptions,
  type GetSessionsQueryKey,
  type GetSessionsQueryOptions,
  getSessionsQueryKey,
  getSessionsQueryOptions,
} from '../query/getSessions.js'
export {
  type RevokeSessionData,
  type RevokeSessionMutationOptions,
  type RevokeSessionVariables,
  revokeSessionMutationOptions,
} from '../query/revokeSession.js'
export {
  type SendSessionCallsData,
  type SendSessionCallsMutationOptions,
  type SendSessionCallsVariables,
  sendSessionCallsMutationOptions,
} from '../query/sendSessionCalls.js'
export type { SessionQueryScope } from '../query/utils.js'
export * from '../storage/index.js'
