export {
  CallNotCoveredError,
  type CallNotCoveredErrorType,
  PolicyCallDecodeError,
  type PolicyCallDecodeErrorType,
  PolicyEnvironmentError,
  type PolicyEnvironmentErrorType,
  PolicyUnenforceableError,
  type PolicyUnenforceableErrorType,
  PolicyValidationError,
  type PolicyValidationErrorType,
} from '../errors/policy.js'
export type {
  CheckCallsErrorType,
  CheckCallsParameters,
  CheckCallsReturnType,
  PolicySession,
} from './checkCalls.js'
export { checkCalls, readUsage, toCaveats } from './checked.js'
export {
  type AnyCallPermission,
  type ArgRule,
  type ArgRules,
  type CallPermission,
  type DefinePolicyErrorType,
  type DefinePolicyOptions,
  type DefinePolicyParameters,
  definePolicy,
  type FunctionPermission,
  type FunctionRef,
  type NativePermission,
  type PeriodCap,
  type Policy,
  type PolicyPeriodInput,
  type TokenPermission,
  type Validity,
} from './definePolicy.js'
export {
  type DescribePolicyErrorType,
  type DescribePolicyOptions,
  type DescribePolicyReturnType,
  describePolicy,
} from './describePolicy.js'
export type { CalldataRule, DelegationPlan, DelegationScope } from './planDelegations.js'
export type { ReadUsageParameters, ReadUsageReturnType } from './readUsage.js'
export { deserializePolicy, serializePolicy } from './serializePolicy.js'
export type { SessionTimes } from './sessionTimes.js'
export type {
  Caveat,
  CompiledDelegation,
  ToCaveatsParameters,
  ToCaveatsReturnType,
} from './toCaveats.js'
export type { PolicyCall } from './toRawCall.js'
export type * from './types.js'
export { withoutPermissions } from './withoutPermissions.js'
