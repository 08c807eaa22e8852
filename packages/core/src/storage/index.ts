export {
  SessionNotFoundError,
  type SessionNotFoundErrorType,
  SessionStorageError,
  type SessionStorageErrorParameters,
  type SessionStorageErrorReason,
  type SessionStorageErrorType,
} from '../errors/storage.js'
export {
  type CreateIndexedDbStorageParameters,
  createIndexedDbStorage,
  type IndexedDbStorage,
} from './indexedDb.js'
export { createMemoryStorage } from './memory.js'
export {
  type ListStoredSessionsReturnType,
  type SessionScope,
  type SessionStorage,
  type SessionStorageEvent,
  type SessionStorageListener,
  type StoredSession,
  type StoredSessionApp,
  type StoredSessionPatch,
  storedSessionVersion,
} from './types.js'
