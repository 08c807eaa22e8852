import type { SessionConfig } from '../createSessionConfig.js'
import { getSessionContext } from '../engines/context.js'
import type { BaseErrorType } from '../errors/base.js'
import type { PolicyCallDecodeErrorType } from '../errors/policy.js'
import {
  type AccountNotConnectedErrorType,
  type ChainNotConfiguredErrorType,
  SessionParameterError,
  type SessionParameterErrorType,
} from '../errors/session.js'
import type { SessionNotFoundErrorType, SessionStorageErrorType } from '../errors/storage.js'
import type { PolicyCall } from '../policy/toRawCall.js'
import type { CheckResult } from '../policy/types.js'
import { checkLoaded, resolveSession } from './internal/resolveSession.js'
import type { SessionCall } from './sendSessionCalls.js'

export type CheckSessionCallsParameters = {
  /** The session to check against. Defaults to the newest usable session whose policy allows the calls. */
  id?: string | undefined
  calls: readonly SessionCall[]
}

/** Whether the calls would be allowed now, why not, and what would remain; plus the session checked. */
export type CheckSessionCallsReturnType = CheckResult & { id: string }

export type CheckSessionCallsErrorType =
  | AccountNotConnectedErrorType
  | ChainNotConfiguredErrorType
  | SessionNotFoundErrorType
  | SessionStorageErrorType
  | SessionParameterErrorType
  | PolicyCallDecodeErrorType
  | BaseErrorType

/** "Would this be allowed?": checks calls against a session's policy and live on-chain usage without sending. https://sessionkit.dev/actions/checkSessionCalls */
export async function checkSessionCalls(
  config: SessionConfig,
  parameters: CheckSessionCallsParameters,
): Promise<CheckSessionCallsReturnType> {
  if (typeof parameters !== 'object' || parameters === null || !Array.isArray(parameters.calls))
    throw new SessionParameterError({ parameter: 'calls', message: 'must be an array of calls.' })
  const calls = parameters.calls as readonly PolicyCall[]
  const context = await getSessionContext(config)
  const session = await resolveSession(config, context, { id: parameters.id, calls })
  const result = await checkLoaded(session, calls)
  return { ...result, id: session.stored.id }
}
