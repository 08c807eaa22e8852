import type { SessionConfig } from '../createSessionConfig.js'
import { getSessionContext } from '../engines/context.js'
import { loadSession } from '../engines/loadSession.js'
import type { BaseErrorType } from '../errors/base.js'
import type {
  AccountNotConnectedErrorType,
  ChainNotConfiguredErrorType,
} from '../errors/session.js'
import { SessionStorageError, type SessionStorageErrorType } from '../errors/storage.js'
import { getSessionInfo, type SessionInfo } from './internal/sessionInfo.js'

export type { SessionInfo } from './internal/sessionInfo.js'

export type GetSessionsParameters = {
  /** Read usage from the chain now instead of reusing a read of the last few seconds. */
  fresh?: boolean | undefined
}

export type GetSessionsReturnType = {
  /** Sessions of the connected account on the current chain for this app, newest first, with live state. */
  sessions: SessionInfo[]
  /** One typed error per unreadable stored session; the others are listed. */
  errors: SessionStorageError[]
}

export type GetSessionsErrorType =
  | AccountNotConnectedErrorType
  | ChainNotConfiguredErrorType
  | SessionStorageErrorType
  | BaseErrorType

/** Lists the sessions of the connected account, chain and app with their live on-chain state. https://sessionkit.dev/actions/getSessions */
export async function getSessions(
  config: SessionConfig,
  parameters: GetSessionsParameters = {},
): Promise<GetSessionsReturnType> {
  const context = await getSessionContext(config)
  const listed = await config.storage.list(context.scope)
  const errors = [...listed.errors]
  const results = await Promise.all(
    listed.sessions.map(async (stored) => {
      try {
        const runtime = await loadSession(context.engine, stored)
        return await getSessionInfo(runtime, { fresh: parameters?.fresh })
      } catch (error) {
        if (error instanceof SessionStorageError) errors.push(error)
        else throw error
        return undefined
      }
    }),
  )
  return { sessions: results.filter((s): s is SessionInfo => s !== undefined), errors }
}
