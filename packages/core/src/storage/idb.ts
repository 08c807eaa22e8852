/** Minimal promise wrappers over IndexedDB, enough for the session storage. */

export const sessionsStore = 'sessions'
export const keysStore = 'keys'
const schemaVersion = 1

/** Opens (and on first use creates) the sessions database. */
export function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, schemaVersion)
    request.onupgradeneeded = () => {
      const db = request.result
      if (!db.objectStoreNames.contains(sessionsStore)) db.createObjectStore(sessionsStore)
      if (!db.objectStoreNames.contains(keysStore)) db.createObjectStore(keysStore)
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

/** Reads one value by key. */
export function readValue(db: IDBDatabase, store: string, key: string): Promise<unknown> {
  return run(db, store, 'readonly', (s, done) => {
    const request = s.get(key)
    request.onsuccess = () => done(request.result)
  })
}

/** Reads every `[key, value]` pair of a store in one transaction. */
export function readEntries(db: IDBDatabase, store: string): Promise<[IDBValidKey, unknown][]> {
  return run(db, store, 'readonly', (s, done) => {
    const keys = s.getAllKeys()
    const values = s.getAll()
    values.onsuccess = () => done(keys.result.map((key, i) => [key, values.result[i]]))
  })
}

/**
 * Runs `body` in one transaction and resolves with the value it passed to `done` once the transaction
 * has committed; rejects (and aborts, so nothing is written) if the body throws or a request fails.
 */
export function run<T>(
  db: IDBDatabase,
  store: string,
  mode: IDBTransactionMode,
  body: (store: IDBObjectStore, done: (value: T) => void, abort: (reason: unknown) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let result: T | undefined
    let failure: unknown
    let tx: IDBTransaction
    try {
      tx = db.transaction(store, mode)
    } catch (error) {
      reject(error)
      return
    }
    const abort = (reason: unknown) => {
      failure ??= reason
      try {
        tx.abort()
      } catch {
        // already finished
      }
    }
    tx.oncomplete = () => (failure === undefined ? resolve(result as T) : reject(failure))
    tx.onabort = () => reject(failure ?? tx.error ?? new Error('IndexedDB transaction aborted.'))
    tx.onerror = () => {
      failure ??= tx.error
    }
    try {
      body(
        tx.objectStore(store),
        (value) => {
          result = value
        },
        abort,
      )
    } catch (error) {
      abort(error)
    }
  })
}
