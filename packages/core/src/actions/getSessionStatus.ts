import type { SessionConfig } from '../createSessionConfig.js'
import { getSessionContext } from '../engines/context.js'
import type { BaseErrorType } from '../errors/base.js'
import type {
  AccountNotConnectedErrorType,
  ChainNotConfiguredErrorType,
  SessionParameterErrorType,
} from '../errors/session.js'
import { SessionParameterError } from '../errors/session.js'
import type { SessionNotFoundErrorType, SessionStorageErrorType } from '../errors/storage.js'
import { resolveSession } from './internal/resolveSession.js'
import { getSessionInfo, type SessionInfo } from './internal/sessionInfo.js'

export type GetSessionStatusParameters = {
  id: string
  fresh?: boolean | undefined
}

export type GetSessionStatusReturnType = SessionInfo

export type GetSessionStatusErrorType =
  | AccountNotConnectedErrorType
  | ChainNotConfiguredErrorType
  | SessionNotFoundErrorType
  | SessionStorageErrorType
  | SessionParameterErrorType
  | BaseErrorType

/** One session of the connected account with its live state: active, expired, revoked, exhausted or missing. https://sessionkit.dev/actions/getSessionStatus */
export async function getSessionStatus(
  config: SessionConfig,
  parameters: GetSessionStatusParameters,
): Promise<GetSessionStatusReturnType> {
  if (typeof parameters !== 'object' || parameters === null || typeof parameters.id !== 'string')
    throw new SessionParameterError({ parameter: 'id', message: 'must be a session id string.' })
  const context = await getSessionContext(config)
  const session = await resolveSession(config, context, { id: parameters.id })
  return getSessionInfo(session, { fresh: parameters.fresh })
}
