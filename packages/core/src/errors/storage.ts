import { BaseError } from './base.js'

/**
 * Why a storage operation failed.
 * - `corrupted`: the stored record is unreadable (truncated, missing or mistyped fields, wrapping key gone).
 * - `tampered`: the record is well formed but fails its integrity check (AES-GCM authentication).
 * - `version`: the record was written by an incompatible storage format version.
 * - `unavailable`: no IndexedDB / WebCrypto here (SSR, insecure context, blocked storage).
 * - `write-failed`: the write did not complete; nothing was written.
 * - `invalid`: the caller passed a bad record, patch, id or scope; nothing was written.
 */
export type SessionStorageErrorReason =
  | 'corrupted'
  | 'tampered'
  | 'version'
  | 'unavailable'
  | 'write-failed'
  | 'invalid'

export type SessionStorageErrorParameters = {
  reason: SessionStorageErrorReason
  sessionId?: string | undefined
  cause?: unknown
  details?: string | undefined
}

export type SessionStorageErrorType = SessionStorageError & { name: 'SessionStorageError' }

/** A session record could not be read or written; `reason` says why and `sessionId` which record. */
export class SessionStorageError extends BaseError {
  override name = 'SessionStorageError'
  declare reason: SessionStorageErrorReason
  declare sessionId: string | undefined

  constructor({ reason, sessionId, cause, details }: SessionStorageErrorParameters) {
    super(storageShortMessage(reason, sessionId), {
      cause,
      details,
      docsPath: '/errors#sessionstorageerror',
      metaMessages: [
        `Reason: ${reason}`,
        ...(sessionId !== undefined ? [`Session: ${sessionId}`] : []),
      ],
    })
    this.reason = reason
    this.sessionId = sessionId
  }
}

function storageShortMessage(reason: SessionStorageErrorReason, sessionId: string | undefined) {
  const session = sessionId !== undefined ? `Stored session "${sessionId}"` : 'A stored session'
  switch (reason) {
    case 'corrupted':
      return `${session} is unreadable and was not used. Remove it and create a new session.`
    case 'tampered':
      return `${session} failed its integrity check and was not used. Remove it and create a new session.`
    case 'version':
      return `${session} is from another Sessionkit version. Remove it, or upgrade Sessionkit.`
    case 'unavailable':
      return 'No IndexedDB or WebCrypto here. In a browser, serve over https or localhost; elsewhere (server, tests) use createMemoryStorage().'
    case 'write-failed':
      return `Could not save ${sessionId !== undefined ? `session "${sessionId}"` : 'the session'}; nothing was written. Try again, or check the storage quota.`
    case 'invalid':
      return 'Invalid session, patch or scope; nothing was written. Fix what the details name.'
  }
}

export type SessionNotFoundErrorType = SessionNotFoundError & { name: 'SessionNotFoundError' }

/** No session with this id exists for this account, chain and app. */
export class SessionNotFoundError extends BaseError {
  override name = 'SessionNotFoundError'
  declare sessionId: string

  constructor({ sessionId, cause }: { sessionId: string; cause?: unknown }) {
    super(`Session "${sessionId}" was not found. List sessions again, or create one.`, {
      cause,
      docsPath: '/errors#sessionnotfounderror',
    })
    this.sessionId = sessionId
  }
}
