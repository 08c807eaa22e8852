export { BaseError, type BaseErrorParameters, type BaseErrorType } from '../errors/base.js'
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
