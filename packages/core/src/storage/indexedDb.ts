import { assertObject } from '../errors/invalidInput.js'
import { SessionStorageError } from '../errors/storage.js'
import { createBroadcast } from './broadcast.js'
import {
  decryptPrivateKey,
  type EncryptedKey,
  encryptPrivateKey,
  readEncryptedKey,
} from './crypto.js'
import { guard } from './guard.js'
import { openDatabase, readEntries, readValue, run, sessionsStore } from './idb.js'
import { createListeners } from './listeners.js'
import { sortNewestFirst } from './order.js'
import { isSameScope, readScope, scopeOf } from './scope.js'
import type { SessionStorage, SessionStorageEvent, StoredSession } from './types.js'
import {
  assertScope,
  assertSessionId,
  assertStoredSession,
  idTakenError,
  readStoredMetadata,
  type StoredSessionMetadata,
  updateTools,
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
        details: 'The encrypted key is missing or truncated.',
      })
    const key = await guard(keys.load(db), 'unavailable', id)
    if (!key)
      throw new SessionStorageError({
        reason: 'corrupted',
        sessionId: id,
        details: 'No wrapping key in this browser profile.',
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
      // Only revoke and relabel update a session: that code loads on first use.
      const { updateIndexedDb } = await guard(import('./update.js'), 'write-failed', id)
      return updateIndexedDb(id, patch, {
        ...updateTools,
        notify,
        open,
        read: (db, key) => guard(readValue(db, sessionsStore, key), 'unavailable', key),
        decode,
        encode,
        write: (db, body) => run(db, sessionsStore, 'readwrite', body),
        guard,
        readKey: readEncryptedKey,
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
