import { SessionNotFoundError } from '../errors/storage.js'
import { guard } from './guard.js'
import { createListeners } from './listeners.js'
import { sortNewestFirst } from './order.js'
import { isSameScope, scopeOf } from './scope.js'
import type { SessionStorage, SessionStorageEvent, StoredSession } from './types.js'
import {
  assertScope,
  assertSessionId,
  assertStoredSession,
  idTakenError,
  updateTools,
} from './validate.js'

/** Session storage held in memory only: for tests, the server, and "forget on close". */
export function createMemoryStorage(): SessionStorage {
  const sessions = new Map<string, StoredSession>()
  const listeners = createListeners()

  return {
    async get(id, scope) {
      assertSessionId(id)
      const wanted = assertScope(scope)
      const session = sessions.get(id)
      if (!session || !isSameScope(session, wanted)) return undefined
      return structuredClone(session)
    },
    async list(scope) {
      const wanted = assertScope(scope)
      const found = [...sessions.values()].filter((session) => isSameScope(session, wanted))
      return {
        sessions: sortNewestFirst(found.map((session) => structuredClone(session))),
        errors: [],
      }
    },
    async put(input) {
      const session = assertStoredSession(input)
      const existing = sessions.get(session.id)
      if (existing && !isSameScope(existing, session)) throw idTakenError(session.id)
      sessions.set(session.id, session)
      listeners.emit({ type: 'put', id: session.id, scope: scopeOf(session), origin: 'local' })
    },
    async update(id, patch) {
      assertSessionId(id)
      // Only revoke and relabel update a session: that code loads on first use.
      const { applyPatch, assertPatch } = await guard(import('./update.js'), 'write-failed', id)
      const notify = (event: Omit<SessionStorageEvent, 'origin'>) =>
        listeners.emit({ ...event, origin: 'local' })
      const valid = assertPatch(patch, id, { ...updateTools, notify })
      const session = sessions.get(id)
      if (!session) throw new SessionNotFoundError({ sessionId: id })
      sessions.set(id, applyPatch(session, valid))
      notify({ type: 'update', id, scope: scopeOf(session) })
    },
    async remove(id) {
      assertSessionId(id)
      const session = sessions.get(id)
      if (!sessions.delete(id)) return
      listeners.emit({ type: 'remove', id, scope: session && scopeOf(session), origin: 'local' })
    },
    subscribe(listener) {
      return listeners.add(listener)
    },
  }
}
