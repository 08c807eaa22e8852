import { BaseError } from '../errors/base.js'
import { assertObject } from '../errors/invalidInput.js'
import {
  SessionNotFoundError,
  SessionStorageError,
  type SessionStorageErrorReason,
} from '../errors/storage.js'
import { createBroadcast } from './broadcast.js'
import {
  bytesEqual,
  decryptPrivateKey,
  type EncryptedKey,
  encryptPrivateKey,
  readEncryptedKey,
} from './crypto.js'
import { openDatabase, readEntries, readValue, run, sessionsStore } from './idb.js'
import { createListeners } from './listeners.js'
import { sortNewestFirst } from './order.js'
import { isSameScope, readScope, scopeOf } from './scope.js'
import type { SessionStorage, SessionStorageEvent, StoredSession } from './types.js'
import {
  applyPatch,
  assertPatch,
  assertScope,
  assertSessionId,
  assertStoredSession,
  idTakenError,
  readStoredMetadata,
  type StoredSessionMetadata,
} from './validate.js'
import { createWrappingKeyCache } from './wrappingKey.js'

export type CreateIndexedDbStorageParameters = {
  /** IndexedDB database name; also scopes the cross-tab channel. Default `'sessionkit'`. */
  name?: string | undefined
  /** IndexedDB factory to use instead of `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | undefined
}

export type IndexedDbStorage = SessionStorage & {
  /** The database name. */
  name: string
  /** Closes the database connection and the cross-tab channel; later calls reopen them. */
  close(): void
}

/** A stored record: the session's metadata in clear, its key encrypted and bound to that metadata. */
type StoredRecord = StoredSessionMetadata & { encryptedKey: EncryptedKey }

const maxUpdateAttempts = 5

/**
 * The default session storage: IndexedDB, with each session key encrypted by a non-extractable
 * AES-GCM key that never leaves the browser. Survives reloads; notifies other tabs of changes.
 * Throws a `SessionStorageError` (`unavailable`) only when used where there is no IndexedDB or WebCrypto.
 */
export function createIndexedDbStorage(
  parameters: CreateIndexedDbStorageParameters = {},
): IndexedDbStorage {
  assertObject(parameters, 'parameters')
  const name = parameters.name ?? 'sessionkit'
  const listeners = createListeners()
  const broadcast = createBroadcast(name, (event) => listeners.emit({ ...event, origin: 'remote' }))
  const keys = createWrappingKeyCache()
  let database: Promise<IDBDatabase> | undefined

  function environment() {
    const factory = parameters.indexedDB ?? globalThis.indexedDB
    const subtle = globalThis.crypto?.subtle
    if (!factory || !subtle)
      throw new SessionStorageError({
        reason: 'unavailable',
        details: !factory ? 'indexedDB is not defined.' : 'crypto.subtle is not defined.',
      })
    return { factory, subtle }
  }

  function open(): Promise<IDBDatabase> {
    const { factory } = environment()
    database ??= openDatabase(factory, name).then(
      (db) => {
        db.onversionchange = () => {
          db.close()
          database = undefined
        }
        return db
      },
      (error) => {
        database = undefined
        throw new SessionStorageError({ reason: 'unavailable', cause: error })
      },
    )
    return database
  }

  async function decode(db: IDBDatabase, raw: unknown, id: string): Promise<StoredSession> {
    const metadata = readStoredMetadata(raw, id)
    const encrypted = readEncryptedKey((raw as { encryptedKey?: unknown }).encryptedKey)
    if (!encrypted)
      throw new SessionStorageError({
        reason: 'corrupted',
        sessionId: id,
        details: 'The encrypted session key is missing or truncated.',
      })
    const key = await guard(keys.load(db), 'unavailable', id)
    if (!key)
      throw new SessionStorageError({
        reason: 'corrupted',
        sessionId: id,
        details: 'The wrapping key is missing from this browser profile.',
      })
    try {
      const privateKey = await decryptPrivateKey(environment().subtle, key, encrypted, metadata)
      return { ...metadata, privateKey }
    } catch (error) {
      throw new SessionStorageError({ reason: 'tampered', sessionId: id, cause: error })
    }
  }

  async function encode(db: IDBDatabase, session: StoredSession): Promise<StoredRecord> {
    const { subtle } = environment()
    const { privateKey, ...metadata } = session
    const key = await keys.ensure(db, subtle)
    return { ...metadata, encryptedKey: await encryptPrivateKey(subtle, key, privateKey, metadata) }
  }

  function notify(event: Omit<SessionStorageEvent, 'origin'>) {
    listeners.emit({ ...event, origin: 'local' })
    broadcast.post(event)
  }

  return {
    name,
    async get(id, scope) {
      assertSessionId(id)
      const wanted = assertScope(scope)
      const db = await open()
      const raw = await guard(readValue(db, sessionsStore, id), 'unavailable', id)
      if (raw === undefined) return undefined
      const stored = readScope(raw)
      if (stored && !isSameScope(stored, wanted)) return undefined
      const session = await decode(db, raw, id)
      return isSameScope(session, wanted) ? session : undefined
    },

    async list(scope) {
      const wanted = assertScope(scope)
      const db = await open()
      const entries = await guard(readEntries(db, sessionsStore), 'unavailable')
      const sessions: StoredSession[] = []
      const errors: SessionStorageError[] = []
      await Promise.all(
        entries.map(async ([id, raw]) => {
          // Sessionkit only writes string keys; anything else is not a session of ours.
          if (typeof id !== 'string') return
          const stored = readScope(raw)
          if (stored && !isSameScope(stored, wanted)) return
          try {
            const session = await decode(db, raw, id)
            if (isSameScope(session, wanted)) sessions.push(session)
          } catch (error) {
            errors.push(
              error instanceof SessionStorageError
                ? error
                : new SessionStorageError({ reason: 'corrupted', sessionId: id, cause: error }),
            )
          }
        }),
      )
      return { sessions: sortNewestFirst(sessions), errors }
    },

    async put(input) {
      const session = assertStoredSession(input)
      const db = await open()
      const record = await guard(encode(db, session), 'write-failed', session.id)
      await guard(
        run(db, sessionsStore, 'readwrite', (store, done, abort) => {
          const request = store.get(session.id)
          request.onsuccess = () => {
            const existing = readScope(request.result)
            if (existing && !isSameScope(existing, session)) return abort(idTakenError(session.id))
            store.put(record, session.id)
            done(undefined)
          }
        }),
        'write-failed',
        session.id,
      )
      notify({ type: 'put', id: session.id, scope: scopeOf(session) })
    },

    async update(id, patch) {
      assertSessionId(id)
      const valid = assertPatch(patch, id)
      const db = await open()
      for (let attempt = 0; attempt < maxUpdateAttempts; attempt++) {
        const raw = await guard(readValue(db, sessionsStore, id), 'unavailable', id)
        if (raw === undefined) throw new SessionNotFoundError({ sessionId: id })
        const current = await decode(db, raw, id)
        const previous = readEncryptedKey((raw as StoredRecord).encryptedKey)!
        const record = await guard(encode(db, applyPatch(current, valid)), 'write-failed', id)
        // Compare-and-set: write only if no other writer replaced the record since we read it.
        const written = await guard(
          run<boolean>(db, sessionsStore, 'readwrite', (store, done) => {
            const request = store.get(id)
            request.onsuccess = () => {
              const now = readEncryptedKey(request.result?.encryptedKey)
              if (!now || !bytesEqual(now.iv, previous.iv)) return done(false)
              store.put(record, id)
              done(true)
            }
          }),
          'write-failed',
          id,
        )
        if (written) return notify({ type: 'update', id, scope: scopeOf(current) })
      }
      throw new SessionStorageError({
        reason: 'write-failed',
        sessionId: id,
        details: 'The session kept changing under concurrent writers.',
      })
    },

    async remove(id) {
      assertSessionId(id)
      const db = await open()
      const removed = await guard(
        run<unknown>(db, sessionsStore, 'readwrite', (store, done) => {
          const request = store.get(id)
          request.onsuccess = () => {
            if (request.result !== undefined) store.delete(id)
            done(request.result)
          }
        }),
        'write-failed',
        id,
      )
      if (removed !== undefined) notify({ type: 'remove', id, scope: readScope(removed) })
    },

    subscribe(listener) {
      broadcast.open()
      return listeners.add(listener)
    },

    close() {
      broadcast.close()
      keys.clear()
      const closing = database
      database = undefined
      closing?.then((db) => db.close()).catch(() => {})
    },
  }
}

/** Passes Sessionkit errors through; wraps anything else (IDB, WebCrypto) as a `SessionStorageError`. */
async function guard<T>(
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
