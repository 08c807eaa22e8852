import { BaseError } from './base.js'

export type PolicyValidationErrorType = PolicyValidationError & { name: 'PolicyValidationError' }

/** A policy field holds a value that is malformed or contradicts another field. */
export class PolicyValidationError extends BaseError {
  override name = 'PolicyValidationError' as const
  /** Path of the offending field, e.g. `calls[0].functions[1]` or `validity.expiresAt`. */
  declare field: string

  constructor({ field, message, fix }: { field: string; message: string; fix: string }) {
    super(`${field}: ${message} ${fix}`, {
      docsPath: '/policy#validation',
      metaMessages: [`Field: ${field}`],
    })
    this.field = field
  }
}

export type PolicyUnenforceableErrorType = PolicyUnenforceableError & {
  name: 'PolicyUnenforceableError'
}

/** A policy rule that no deployed caveat enforcer can check on chain, refused so nothing is enforced only on the client. */
export class PolicyUnenforceableError extends BaseError {
  override name = 'PolicyUnenforceableError' as const
  declare field: string

  constructor({ field, message, fix }: { field: string; message: string; fix: string }) {
    super(`${field}: ${message} No on-chain enforcer can check this. ${fix}`, {
      docsPath: '/policy#enforceable-rules',
      metaMessages: [`Field: ${field}`],
    })
    this.field = field
  }
}

export type PolicyEnvironmentErrorType = PolicyEnvironmentError & { name: 'PolicyEnvironmentError' }

/** The Delegation Framework environment lacks an enforcer the policy needs. */
export class PolicyEnvironmentError extends BaseError {
  override name = 'PolicyEnvironmentError' as const
  declare enforcer: string

  constructor({ enforcer }: { enforcer: string }) {
    super(
      `The environment has no ${enforcer} in caveatEnforcers. Deploy the Delegation Framework (deploySmartAccountsEnvironment), or pass an environment that has it.`,
      { docsPath: '/policy#compile' },
    )
    this.enforcer = enforcer
  }
}

export type CallNotCoveredErrorType = CallNotCoveredError & { name: 'CallNotCoveredError' }

/** No compiled delegation of the session covers a call. */
export class CallNotCoveredError extends BaseError {
  override name = 'CallNotCoveredError' as const
  declare callIndex: number

  constructor({ callIndex, reason }: { callIndex: number; reason: string }) {
    super(
      `Call ${callIndex} is not covered by this session: ${reason} Ask for a policy that allows it.`,
      { docsPath: '/policy#select' },
    )
    this.callIndex = callIndex
  }
}

export type PolicyCallDecodeErrorType = PolicyCallDecodeError & { name: 'PolicyCallDecodeError' }

/** A call given as `{ address, abi, functionName, args }` could not be encoded. */
export class PolicyCallDecodeError extends BaseError {
  override name = 'PolicyCallDecodeError' as const
  declare callIndex: number

  constructor({ callIndex, cause }: { callIndex: number; cause: unknown }) {
    super(`Call ${callIndex} could not be encoded. Fix its abi, functionName or args.`, {
      cause,
      docsPath: '/policy#check',
    })
    this.callIndex = callIndex
  }
}
