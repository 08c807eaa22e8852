import type { CheckReason } from '../policy/types.js'
import { BaseError } from './base.js'

export type SessionExpiredErrorType = SessionExpiredError & { name: 'SessionExpiredError' }

/** The session's validity ended; it can no longer act. */
export class SessionExpiredError extends BaseError {
  override name = 'SessionExpiredError' as const
  declare sessionId: string
  declare expiresAt: number | undefined

  constructor({
    sessionId,
    expiresAt,
    cause,
  }: { sessionId: string; expiresAt?: number | undefined; cause?: unknown }) {
    super('This session has expired. Create a new session.', {
      cause,
      docsPath: '/errors#sessionexpirederror',
      metaMessages: [
        `Session: ${sessionId}`,
        ...(expiresAt ? [`Expired at: ${new Date(expiresAt * 1000).toISOString()}`] : []),
      ],
    })
    this.sessionId = sessionId
    this.expiresAt = expiresAt
  }
}

export type SessionRevokedErrorType = SessionRevokedError & { name: 'SessionRevokedError' }

/** The session was revoked by its owner; it can no longer act. */
export class SessionRevokedError extends BaseError {
  override name = 'SessionRevokedError' as const
  declare sessionId: string

  constructor({ sessionId, cause }: { sessionId: string; cause?: unknown }) {
    super('This session was revoked. Create a new session.', {
      cause,
      docsPath: '/errors#sessionrevokederror',
      metaMessages: [`Session: ${sessionId}`],
    })
    this.sessionId = sessionId
  }
}

export type SessionExhaustedErrorType = SessionExhaustedError & { name: 'SessionExhaustedError' }

/** Every action or the whole budget of the session is used. */
export class SessionExhaustedError extends BaseError {
  override name = 'SessionExhaustedError' as const
  declare sessionId: string
  declare reason: CheckReason | undefined

  constructor({
    sessionId,
    reason,
    cause,
  }: { sessionId: string; reason?: CheckReason | undefined; cause?: unknown }) {
    super('This session is used up. Create a new session with a larger budget.', {
      cause,
      docsPath: '/errors#sessionexhaustederror',
      metaMessages: [`Session: ${sessionId}`, ...(reason ? [`Reason: ${reason.message}`] : [])],
    })
    this.sessionId = sessionId
    this.reason = reason
  }
}

export type SessionScopeErrorType = SessionScopeError & { name: 'SessionScopeError' }

/** The calls are outside what the session allows; nothing was sent. `reason` says which rule refused them. */
export class SessionScopeError extends BaseError {
  override name = 'SessionScopeError' as const
  declare sessionId: string
  declare reason: CheckReason

  constructor({
    sessionId,
    reason,
    cause,
  }: { sessionId: string; reason: CheckReason; cause?: unknown }) {
    super(`${reason.message} Nothing was sent; ask for a session that allows it.`, {
      cause,
      docsPath: '/errors#sessionscopeerror',
      metaMessages: [`Session: ${sessionId}`, `Rule: ${reason.rule}`, `Code: ${reason.code}`],
    })
    this.sessionId = sessionId
    this.reason = reason
  }
}

export type BundlerErrorType = BundlerError & { name: 'BundlerError' }

/** The bundler refused, dropped or failed a UserOperation. The bundler's own error is the `cause`. */
export class BundlerError extends BaseError {
  override name = 'BundlerError' as const
  declare userOperationHash: string | undefined

  constructor({
    shortMessage,
    userOperationHash,
    cause,
    details,
  }: {
    shortMessage?: string | undefined
    userOperationHash?: string | undefined
    cause?: unknown
    details?: string | undefined
  }) {
    super(
      shortMessage ??
        'The bundler failed the action. Check the bundler URL and that it is up, then try again.',
      {
        cause,
        details,
        docsPath: '/errors#bundlererror',
        metaMessages: userOperationHash ? [`UserOperation: ${userOperationHash}`] : undefined,
      },
    )
    this.userOperationHash = userOperationHash
  }
}

export type PaymasterErrorType = PaymasterError & { name: 'PaymasterError' }

/** The ERC-7677 paymaster refused to sponsor the action or is unreachable. Its error is the `cause`. */
export class PaymasterError extends BaseError {
  override name = 'PaymasterError' as const

  constructor({ cause, shortMessage }: { cause?: unknown; shortMessage?: string | undefined }) {
    super(
      shortMessage ??
        'The paymaster did not sponsor the action. Check its URL, policy and balance, then try again.',
      { cause, docsPath: '/errors#paymastererror' },
    )
  }
}

export type UserRejectedErrorType = UserRejectedError & { name: 'UserRejectedError' }

/** The user declined the wallet prompt; nothing was stored or sent. */
export class UserRejectedError extends BaseError {
  override name = 'UserRejectedError' as const

  constructor({ cause }: { cause?: unknown } = {}) {
    super('The user declined the wallet prompt; nothing was stored or sent. Ask again later.', {
      cause,
      docsPath: '/errors#userrejectederror',
    })
  }
}

export type AccountNotConnectedErrorType = AccountNotConnectedError & {
  name: 'AccountNotConnectedError'
}

/** No wallet is connected in wagmi. */
export class AccountNotConnectedError extends BaseError {
  override name = 'AccountNotConnectedError' as const

  constructor({ cause }: { cause?: unknown } = {}) {
    super('No wallet is connected. Connect one first.', {
      cause,
      docsPath: '/errors#accountnotconnectederror',
    })
  }
}

export type ChainNotConfiguredErrorType = ChainNotConfiguredError & {
  name: 'ChainNotConfiguredError'
}

/** The connected chain has no bundler / paymaster settings in the session config, or no Delegation Framework deployment. */
export class ChainNotConfiguredError extends BaseError {
  override name = 'ChainNotConfiguredError' as const
  declare chainId: number | undefined

  constructor({
    chainId,
    reason,
    cause,
  }: { chainId: number | undefined; reason?: string | undefined; cause?: unknown }) {
    super(
      `Chain ${String(chainId ?? '(unknown)')} is not configured for sessions${reason ? `: ${reason}` : ''}. Add { bundlerUrl, paymasterUrl } for it to createSessionConfig's chains, or switch chains.`,
      { cause, docsPath: '/errors#chainnotconfigurederror' },
    )
    this.chainId = chainId
  }
}

export type SessionParameterErrorType = SessionParameterError & { name: 'SessionParameterError' }

/** An action received a malformed parameter; nothing was sent or stored. */
export class SessionParameterError extends BaseError {
  override name = 'SessionParameterError' as const
  declare parameter: string

  constructor({
    parameter,
    message,
    cause,
  }: { parameter: string; message: string; cause?: unknown }) {
    super(`${parameter}: ${message} Nothing was sent or stored.`, {
      cause,
      docsPath: '/errors#sessionparametererror',
      metaMessages: [`Parameter: ${parameter}`],
    })
    this.parameter = parameter
  }
}

export type SessionMissingErrorType = SessionMissingError & { name: 'SessionMissingError' }

/** The session's delegations no longer exist on this chain (e.g. a devnet reset); it cannot be used. */
export class SessionMissingError extends BaseError {
  override name = 'SessionMissingError' as const
  declare sessionId: string

  constructor({ sessionId, cause }: { sessionId: string; cause?: unknown }) {
    super("This session's accounts are gone from the chain (reset?). Create a new session.", {
      cause,
      docsPath: '/errors#sessionmissingerror',
      metaMessages: [`Session: ${sessionId}`],
    })
    this.sessionId = sessionId
  }
}

export type SessionCallsRevertedErrorType = SessionCallsRevertedError & {
  name: 'SessionCallsRevertedError'
}

/** The action was included on chain but its calls reverted (the chain refused them); nothing changed. */
export class SessionCallsRevertedError extends BaseError {
  override name = 'SessionCallsRevertedError' as const
  declare userOperationHash: string
  declare receipt: unknown

  constructor({
    userOperationHash,
    receipt,
    cause,
  }: { userOperationHash: string; receipt?: unknown; cause?: unknown }) {
    super('The calls reverted on chain; nothing changed. Check the session still allows them.', {
      cause,
      docsPath: '/errors#sessioncallsrevertederror',
      metaMessages: [`UserOperation: ${userOperationHash}`],
    })
    this.userOperationHash = userOperationHash
    this.receipt = receipt
  }
}
