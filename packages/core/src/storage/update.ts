import type { SessionStorageErrorReason } from '../errors/storage.js'
import type { EncryptedKey } from './crypto.js'
import type { run } from './idb.js'
import type { SessionStorageEvent, StoredSession, StoredSessionPatch } from './types.js'
import type { StoredSessionMetadata } from './validate.js'

/*
 * `update` of the built-in storages. Only revoke and relabel call it, so it loads on first use.
 * It imports nothing at run time (the storage passes in what it needs): a module shared with the
 * main bundle would split that bundle into chunks, which costs more than this file saves.
 */

/** What `update` needs from the storage that loaded it. */
export type UpdateTools = {
  /** A `SessionStorageError` with `reason` for session `id`. */
  error(reason: SessionStorageErrorReason, id: string, details: string): Error
  /** A `SessionNotFoundError` for session `id`. */
  notFound(id: string): Error
  notify(event: Omit<SessionStorageEvent, 'origin'>): void
}

/** A stored IndexedDB record as far as `update` reads it. */
type StoredRecord = StoredSessionMetadata & { encryptedKey: EncryptedKey }

/** What the IndexedDB storage's `update` needs besides `UpdateTools`. */
export type IndexedDbUpdateTools = UpdateTools & {
  open(): Promise<IDBDatabase>
  /** The raw record stored under `id`, or `undefined`. */
  read(db: IDBDatabase, id: string): Promise<unknown>
  decode(db: IDBDatabase, raw: unknown, id: string): Promise<StoredSession>
  encode(db: IDBDatabase, session: StoredSession): Promise<StoredRecord>
  /** Runs a read-write transaction on the sessions store. */
  write: <T>(db: IDBDatabase, body: Parameters<typeof run<T>>[3]) => Promise<T>
  /** Wraps a foreign error as a `SessionStorageError` with `reason`. */
  guard<T>(promise: Promise<T>, reason: SessionStorageErrorReason, id: string): Promise<T>
  readKey(value: unknown): EncryptedKey | undefined
}

const maxUpdateAttempts = 5

/** Validates an `update` patch; throws `SessionStorageError` (`invalid`). */
export function assertPatch(patch: unknown, id: string, tools: UpdateTools): StoredSessionPatch {
  const invalid = (details: string) => tools.error('invalid', id, details)
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    throw invalid('patch must be an object.')
  const out: StoredSessionPatch = {}
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'revokedAt') {
      if (
        value !== undefined &&
        !(typeof value === 'number' && Number.isFinite(value) && value >= 0)
      )
        throw invalid('revokedAt must be a time.')
      out.revokedAt = value as number | undefined
    } else if (key === 'label') {
      if (value !== undefined && typeof value !== 'string') throw invalid('label must be a string.')
      out.label = value as string | undefined
    } else throw invalid(`"${key}" cannot be updated; only revokedAt and label can.`)
  }
  return out
}

/** Applies a validated patch; keys set to `undefined` remove the field. */
export function applyPatch<T extends StoredSessionMetadata>(
  record: T,
  patch: StoredSessionPatch,
): T {
  const next: Record<string, unknown> = { ...record }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key]
    else next[key] = value
  }
  return next as T
}

/** The IndexedDB storage's `update`: read, patch, re-encrypt, and write only if nobody wrote in between. */
export async function updateIndexedDb(
  id: string,
  patch: unknown,
  tools: IndexedDbUpdateTools,
): Promise<void> {
  const valid = assertPatch(patch, id, tools)
  const db = await tools.open()
  for (let attempt = 0; attempt < maxUpdateAttempts; attempt++) {
    const raw = await tools.read(db, id)
    if (raw === undefined) throw tools.notFound(id)
    const current = await tools.decode(db, raw, id)
    const previous = tools.readKey((raw as StoredRecord).encryptedKey)!
    const record = await tools.guard(
      tools.encode(db, applyPatch(current, valid)),
      'write-failed',
      id,
    )
    // Compare-and-set: write only if no other writer replaced the record since we read it.
    const written = await tools.guard(
      tools.write<boolean>(db, (store, done) => {
        const request = store.get(id)
        request.onsuccess = () => {
          const now = tools.readKey(request.result?.encryptedKey)
          if (!now || !bytesEqual(now.iv, previous.iv)) return done(false)
          store.put(record, id)
          done(true)
        }
      }),
      'write-failed',
      id,
    )
    if (written) {
      const { chainId, account, appId } = current
      return tools.notify({ type: 'update', id, scope: { chainId, account, appId } })
    }
  }
  throw tools.error('write-failed', id, 'The session kept changing under concurrent writers.')
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}
