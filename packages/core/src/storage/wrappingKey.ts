import { generateWrappingKey, isWrappingKey } from './crypto.js'
import { keysStore, readValue, run } from './idb.js'

const wrappingKeyId = 'wrapping-key'

/**
 * The storage's AES-GCM wrapping key: a non-extractable `CryptoKey` kept in IndexedDB (CryptoKeys are
 * structured-cloneable, so the browser stores it without ever exposing its bytes), cached per instance.
 */
export function createWrappingKeyCache() {
  let cached: CryptoKey | undefined

  /** The stored key, or `undefined` when this database has none yet. Never creates one. */
  async function load(db: IDBDatabase): Promise<CryptoKey | undefined> {
    if (cached) return cached
    const stored = await readValue(db, keysStore, wrappingKeyId)
    if (isWrappingKey(stored)) cached = stored
    return cached
  }

  /** The stored key, created on first use. Race-free across tabs: the first key written wins. */
  async function ensure(db: IDBDatabase, subtle: SubtleCrypto): Promise<CryptoKey> {
    const loaded = await load(db)
    if (loaded) return loaded
    const fresh = await generateWrappingKey(subtle)
    cached = await run<CryptoKey>(db, keysStore, 'readwrite', (store, done) => {
      const request = store.get(wrappingKeyId)
      request.onsuccess = () => {
        if (isWrappingKey(request.result)) return done(request.result)
        store.put(fresh, wrappingKeyId)
        done(fresh)
      }
    })
    return cached
  }

  return {
    load,
    ensure,
    clear() {
      cached = undefined
    },
  }
}
