import { BaseError } from '../errors/base.js'
import { SessionStorageError, type SessionStorageErrorReason } from '../errors/storage.js'

/** Passes Sessionkit errors through; wraps anything else (IDB, WebCrypto) as a `SessionStorageError`. */
export async function guard<T>(
  promise: Promise<T>,
  reason: SessionStorageErrorReason,
  sessionId?: string,
): Promise<T> {
  try {
    return await promise
  } catch (error) {
    if (error instanceof BaseError) throw error
    throw new SessionStorageError({ reason, sessionId, cause: error })
  }
}
