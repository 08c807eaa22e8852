import type { Address, Hex } from 'viem'
import type { SessionStorageError } from '../errors/storage.js'

/** Current storage format version of a {@link StoredSession}. */
export const storedSessionVersion = 1

/** Who a session belongs to: it is only ever returned for this chain, user account and app. */
export type SessionScope = {
  chainId: number
  /** The user's smart account (compared case-insensitively). */
  account: Address
  /** The app's identity, e.g. its origin `https://game.example` (compared exactly). */
  appId: string
}

/** The app that asked for the session, as shown to the user. */
export type StoredSessionApp = { name: string; url: string; icon?: string | undefined }

/** One session as the engine stores it. `policy` and `delegations` must be JSON-safe (bigints as strings). */
export type StoredSession = SessionScope & {
  version: typeof storedSessionVersion
  id: string
  /** The connected wallet that owns `account`. */
  owner: Address
  app: StoredSessionApp
  /** The session's smart account, owned by `privateKey`. */
  sessionAccount: Address
  /** The session key. Held in plain text only in memory; IndexedDB stores it encrypted. */
  privateKey: Hex
  /** Serialized policy (JSON-safe). */
  policy: unknown
  /** Signed delegations (JSON-safe, bigints as strings). */
  delegations: unknown[]
  /** Unix time in milliseconds. */
  createdAt: number
  /** Unix time in seconds, when the policy has an expiry. */
  expiresAt?: number | undefined
  /** Unix time in milliseconds, set when the session is revoked. */
  revokedAt?: number | undefined
  label?: string | undefined
}

/** Fields that may change after a session is stored. A key set to `undefined` removes the field. */
export type StoredSessionPatch = {
  revokedAt?: number | undefined
  label?: string | undefined
}

export type ListStoredSessionsReturnType = {
  /** Usable sessions of the scope, newest first. */
  sessions: StoredSession[]
  /**
   * One typed error per unreadable record (corrupted, tampered, foreign version); the others stay
   * usable. A record whose own scope fields are unreadable is reported in every scope.
   */
  errors: SessionStorageError[]
}

/** A change to stored sessions: `local` when this storage instance made it, `remote` for another tab or instance. */
export type SessionStorageEvent = {
  type: 'put' | 'update' | 'remove'
  id: string
  /** The session's scope, when it was readable. */
  scope?: SessionScope | undefined
  origin: 'local' | 'remote'
}

export type SessionStorageListener = (event: SessionStorageEvent) => void

/**
 * Where sessions live. Implement it for a custom store (e.g. a server); the built-in ones are
 * `createIndexedDbStorage` (default, key encrypted at rest) and `createMemoryStorage`.
 *
 * Contract: every method rejects only with `SessionStorageError` (or `SessionNotFoundError` for
 * `update` of a missing id); `get` and `list` never return a session of another scope; `put` and
 * `update` write all or nothing.
 */
export type SessionStorage = {
  /** The session with this id in this scope, or `undefined` when there is none. Rejects on an unreadable record. */
  get(id: string, scope: SessionScope): Promise<StoredSession | undefined>
  /** All sessions of this scope, with one typed error per unreadable record. */
  list(scope: SessionScope): Promise<ListStoredSessionsReturnType>
  /** Stores (or replaces) a session, atomically. Refuses to replace a session of another scope. */
  put(session: StoredSession): Promise<void>
  /** Changes `revokedAt` / `label` of a stored session, atomically. Rejects with `SessionNotFoundError` when missing. */
  update(id: string, patch: StoredSessionPatch): Promise<void>
  /** Deletes a session, readable or not. Removing a missing id is a no-op. */
  remove(id: string): Promise<void>
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: SessionStorageListener): () => void
}
